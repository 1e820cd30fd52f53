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
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ⏎ ').slice(0, 240);

export function firstReason(outcome: CaseOutcome): string {
  if (outcome.status === 'pass') return '';
  return outcome.reason.split('\n').slice(0, 3).join(' ').replace(/\s+/g, ' ').trim();
}

export function renderSuiteReport(run: SuiteRun, explain: (file: string, name: string, difference: string) => string | undefined = explainFailure): string {
  const files = [...new Set(run.outcomes.map((o) => o.file))].sort();
  const total = run.outcomes.length;
  const passed = run.outcomes.filter((o) => o.status === 'pass').length;
  const lines = [
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
  lines.push('| case | reason |', '|---|---|');
  for (const o of run.outcomes) {
    if (o.status === 'pass') continue;
    const reason = explain(o.file, o.name, o.reason) ?? firstReason(o);
    lines.push(`| ${o.file}:${o.line} \`${o.name}\` | ${cell(reason)} |`);
  }
  return lines.join('\n') + '\n';
}
