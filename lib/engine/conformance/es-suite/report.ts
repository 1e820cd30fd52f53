/**
 * The report of a run of Elasticsearch's csv-spec suite: pass counts per file, and every case that
 * does not pass with its reason — the reviewed reason from known-failures.ts where there is one,
 * else the first line of the difference. Pure: outcomes in, Markdown out.
 */
import 'server-only';
import type { CaseOutcome } from './run-suite';
import { explainFailure } from './known-failures';

export interface SuiteRun {
  /** Where the suite was read from (a commit or a path), printed as given. */
  source: string;
  date: string;
  outcomes: CaseOutcome[];
  /** The elastic/elasticsearch commit each file was read at, by file name, where known. */
  commits?: ReadonlyMap<string, string>;
  datasetFailures: { index: string; message: string }[];
}

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ⏎ ').slice(0, 400);

export function firstReason(outcome: CaseOutcome): string {
  if (outcome.status === 'pass') return '';
  return outcome.reason.split('\n').slice(0, 3).join(' ').replace(/\s+/g, ' ').trim();
}

const INTRO = [
  "# Elasticsearch's csv-spec suite, run against the embedded engine",
  '',
  '<!-- Written by `npm run conformance:es` (scripts/es-suite.ts); edit the reasons in',
  '     lib/engine/conformance/es-suite/known-failures.ts, not here. -->',
  '',
  "Elasticsearch tests ES|QL with csv-spec files (x-pack/plugin/esql/qa/testFixtures in elastic/elasticsearch):",
  'a query, then the exact columns, rows and warnings a cluster answers. `npm run conformance:es` loads',
  "the suite's datasets (its `data/*.csv` with their mappings, as CsvTestsDataLoader sends them to `_bulk`)",
  "into a fresh embedded store and runs every case, judged as Elasticsearch's REST spec runner judges a",
  'cluster: column names and types exactly; values by type (a double is a double, dates and IPs by value',
  "and printed as Elasticsearch prints them); row order unless the case says `ignoreOrder`; warnings as",
  "an exact set in the header form (escaped, `%` as `%25`), the cluster's form where a case gives an",
  '`#[Emulated:…]` alternative; the default-limit warning dropped; `-Ignore` cases skipped. Every other',
  'case counts, whatever `required_capability` it names. The files are under their own licence and stay',
  'outside this repository: the runner reads them from a checkout (`--resources DIR`). The project\'s own',
  'conformance suite (lib/engine/conformance/*.csv-spec, run by `npm test`) holds cases written here,',
  'each citing the Elasticsearch case it follows.',
  '',
  'The files are the command families a hunt uses. Each was read at the commit shown; the versions',
  'differ, and a file from before 8.12 expects no multi-value warnings where a current cluster sends them.',
  'The datasets are listed in lib/engine/conformance/es-suite/datasets.tsv. The mapping files of `hosts`,',
  '`languages` and `sample_data` at the commits read were older than their data files; the run used them',
  "brought in line with the data files' typed headers; the regular `wide` file (seven typed columns,",
  '140 `pad` keyword columns of `x`, six rows) was written out by a script from the file read.',
  '',
];

export function renderSuiteReport(run: SuiteRun, explain: (file: string, name: string, difference: string) => string | undefined = explainFailure): string {
  const files = [...new Set(run.outcomes.map((o) => o.file))].sort();
  const total = run.outcomes.length;
  const passed = run.outcomes.filter((o) => o.status === 'pass').length;
  const lines = [
    ...INTRO,
    `Run of ${run.source} on ${run.date}: **${passed} of ${total} cases pass (${pct(passed, total)})**.`,
    '',
    '| file | commit | cases | pass | share |',
    '|---|---|---:|---:|---:|',
    ...files.map((f) => {
      const of = run.outcomes.filter((o) => o.file === f);
      const ok = of.filter((o) => o.status === 'pass').length;
      const commit = run.commits?.get(f);
      return `| ${f} | ${commit ? `\`${commit.slice(0, 8)}\`` : '–'} | ${of.length} | ${ok} | ${pct(ok, of.length)} |`;
    }),
    `| **all** | | **${total}** | **${passed}** | **${pct(passed, total)}** |`,
    '',
  ];
  if (run.datasetFailures.length > 0) {
    lines.push('Datasets the store did not take:', '', ...run.datasetFailures.map((d) => `- \`${d.index}\`: ${cell(d.message)}`), '');
  }
  const failing = run.outcomes.flatMap((o) => (o.status === 'pass' ? [] : [{ o, reason: explain(o.file, o.name, o.reason) ?? firstReason(o) }]));
  const byReason = new Map<string, number>();
  for (const f of failing) byReason.set(f.reason, (byReason.get(f.reason) ?? 0) + 1);
  lines.push('The cases that do not pass, grouped by reason:', '', '| cases | reason |', '|---:|---|');
  for (const [reason, count] of [...byReason].sort((a, b) => b[1] - a[1])) lines.push(`| ${count} | ${cell(reason)} |`);
  lines.push('', 'Each case that does not pass:', '', '| case | reason |', '|---|---|');
  for (const { o, reason } of failing) lines.push(`| ${o.file}:${o.line} \`${o.name}\` | ${cell(reason)} |`);
  return lines.join('\n') + '\n';
}
