/**
 * `npm run conformance:es -- --resources DIR [--datasets FILE] [--files a,b] [--out docs/esql-suite.md]`
 *
 * Runs Elasticsearch's csv-spec suite against the embedded engine. DIR is
 * x-pack/plugin/esql/qa/testFixtures/src/main/resources of an elastic/elasticsearch checkout (or a
 * copy of its *.csv-spec files with data/ and the mapping files). FILE (default: es-suite/datasets.tsv)
 * lists the datasets, one per line: `index<TAB>data csv<TAB>mapping json<TAB>allowSubFields (true|false)<TAB>overrides`
 * (`field=type;field=-`, CsvTestsDataLoader's withTypeMapping; `-` removes the field), as
 * CsvTestsDataLoader declares them. `--commits FILE` (`file<TAB>commit`) names the commit each spec
 * file was read at, for the report. Nothing of the suite is kept in this repository; the report is.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createEmbeddedEngine } from '../lib/engine/index';
import { renderSuiteReport } from '../lib/engine/conformance/es-suite/report';
import { loadSuiteDatasets, runSpecFile, type CaseOutcome, type SuiteDataset } from '../lib/engine/conformance/es-suite/run-suite';

/** The command families of issue 17: what a hunt uses. */
const DEFAULT_FILES = [
  'where', 'eval', 'stats', 'stats_count_distinct', 'string', 'ip', 'date', 'null', 'boolean', 'conditional', 'comparison',
  'row', 'keep', 'drop', 'rename', 'dissect', 'grok', 'mv_expand', 'ints', 'floats', 'math',
];

function readTsv(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

function readDatasets(file: string): SuiteDataset[] {
  return readTsv(file).map(([index, dataFile, mappingFile, allow, types = '']) => {
      const typeMapping = Object.fromEntries(
        types
          .split(';')
          .filter((t) => t.includes('='))
          .map((t) => {
            const [field, type] = t.split('=');
            return [field, type === '-' ? null : type];
          }),
      );
    return { index, dataFile, mappingFile, allowSubFields: allow === 'true', typeMapping };
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      resources: { type: 'string' },
      datasets: { type: 'string' },
      files: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'string' },
      source: { type: 'string' },
      commits: { type: 'string' },
    },
  });
  if (!values.resources) {
    console.error('usage: es-suite --resources DIR [--datasets FILE] [--commits FILE] [--files a,b] [--out FILE.md] [--json FILE] [--source TEXT]');
    process.exit(2);
  }
  const here = path.join(path.dirname(fileURLToPath(import.meta.url)), '../lib/engine/conformance/es-suite');
  const datasetsFile = values.datasets ?? path.join(here, 'datasets.tsv');
  const resources = values.resources;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-es-suite-'));
  const engine = createEmbeddedEngine({ dataDir });
  try {
    const { failed } = await loadSuiteDatasets(resources, readDatasets(datasetsFile), dataDir);
    for (const f of failed) console.error(`dataset ${f.index}: ${f.message}`);
    const outcomes: CaseOutcome[] = [];
    for (const name of values.files ? values.files.split(',') : DEFAULT_FILES) {
      const file = `${name}.csv-spec`;
      let text: string;
      try {
        text = readFileSync(path.join(resources, file), 'utf8');
      } catch {
        console.error(`missing ${file}`);
        continue;
      }
      const got = await runSpecFile(engine, file, text);
      const ok = got.filter((o) => o.status === 'pass').length;
      console.log(`${file}: ${ok}/${got.length}`);
      outcomes.push(...got);
    }
    const passed = outcomes.filter((o) => o.status === 'pass').length;
    console.log(`all: ${passed}/${outcomes.length} (${((100 * passed) / Math.max(1, outcomes.length)).toFixed(1)} %)`);
    if (values.json) writeFileSync(values.json, JSON.stringify(outcomes, null, 1));
    if (values.out) {
      const commits = values.commits ? new Map(readTsv(values.commits).map(([file, commit]) => [`${file}.csv-spec`, commit])) : undefined;
      const run = { source: values.source ?? resources, date: new Date().toISOString().slice(0, 10), outcomes, commits, datasetFailures: failed };
      writeFileSync(values.out, renderSuiteReport(run));
    }
  } finally {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`es-suite: ${(e as Error).message}`);
  process.exit(1);
});
