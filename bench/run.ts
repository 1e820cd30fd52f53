/**
 * `npm run bench`: ingest throughput and seed-hunt latency on the demo world at 1M and 5M
 * network events, each hunt against hand-written DuckDB SQL over the same Parquet parts in the
 * same run. Figures go to bench/results/latest.{json,md}.
 *
 * BENCH_SIZES=1000000,5000000 (default) and BENCH_RUNS=7 override the sizes and repetitions.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoMapping, DEMO_INDICES } from '../lib/demo';
import { openInput } from '../lib/cli/read-input';
import { readLines } from '../lib/store/ndjson';
import { createEmbeddedEngine } from '../lib/engine';
import { openStore, type IngestTuning } from '../lib/store';
import { writeDemoFiles } from './demo-files';
import { handWrittenSeedSql } from './seed-hunt-sql';
import { seedQueries } from './seed-queries';
import { median, time } from './timing';

const NOW = new Date('2026-01-08T12:00:00.000Z');
const sizes = (process.env.BENCH_SIZES ?? '1000000,5000000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 7);
/** Ingests (and DuckDB-alone yardsticks) per size, in turns: BENCH_INGEST_RUNS. */
const ingestRuns = Number(process.env.BENCH_INGEST_RUNS ?? 3);
/** The JS path is slow: it is measured, as the baseline of ingest, on sizes up to this one. */
const jsPathUpTo = Number(process.env.BENCH_JS_PATH_UP_TO ?? 1_000_000);


interface HuntFigure {
  query: string;
  engineMs: number;
  handWrittenMs: number;
  ratio: number;
  rows: number;
  sameRows: boolean;
}

interface SizeFigure {
  networkEvents: number;
  totalEvents: number;
  /** The median of the runs. */
  ingestSeconds: number;
  ingestEventsPerSecond: number;
  ingestRunsEventsPerSecond: number[];
  /** The same files through JSON.parse and documentToRow (`native: false`), on the sizes measured so. */
  jsPathEventsPerSecond?: number;
  rawDuckDb: RawDuckDb;
  hunts: HuntFigure[];
}

/**
 * Ingests the files: as `huntboard ingest` does (the file's bytes, native reader) or, for the
 * baselines, as streamed lines through another path; returns ms and events stored.
 */
async function ingestFiles(dataDir: string, files: { index: string; file: string }[], tuning: IngestTuning): Promise<{ ms: number; events: number; network: number }> {
  const store = openStore(dataDir, tuning);
  const asCli = tuning.native !== false;
  let events = 0;
  let network = 0;
  const [ms] = await time(async () => {
    for (const { index, file } of files) {
      const options = { mapping: demoMapping() };
      const report = asCli
        ? await store.ingestBytes(index, openInput(file, process.stdin), options)
        : await store.ingestLines(index, readLines(createReadStream(file, { encoding: 'utf8' })), options);
      if (report.rejected) throw new Error(`${report.rejected} demo events rejected in ${index}`);
      events += report.stored;
      if (index === DEMO_INDICES.network) network = report.stored;
    }
  });
  return { ms, events, network };
}

interface RawDuckDb {
  /** NDJSON to Parquet in one COPY (the median of the runs). */
  eventsPerSecond: number;
  runs: number[];
  /** Its two halves, on the sizes whose tables fit in memory: read_ndjson into a table, and that table to Parquet. */
  readEventsPerSecond?: number;
  writeEventsPerSecond?: number;
}

const copyTo = (out: string) => `TO '${out}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`;

async function withDuckDb<T>(memoryLimit: string, fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  const db = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: memoryLimit });
  const conn = await db.connect();
  try {
    return await fn(conn);
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/**
 * The yardstick of what this machine can do at all: DuckDB alone turning the same files into
 * Parquet (read_ndjson with its own schema detection, no validation, no Elasticsearch semantics);
 * events per second.
 */
function rawCopy(dir: string, files: { index: string; file: string }[]): Promise<number> {
  return withDuckDb('1GB', async (conn) => {
    let events = 0;
    const [ms] = await time(async () => {
      for (const [i, { file }] of files.entries()) {
        const out = path.join(dir, `raw-${i}.parquet`);
        await conn.run(`COPY (SELECT * FROM read_ndjson('${file}')) ${copyTo(out)}`);
        events += Number((await conn.runAndReadAll(`SELECT count(*) FROM '${out}'`)).getRows()[0][0]);
        rmSync(out);
      }
    });
    return events / (ms / 1000);
  });
}

/** That yardstick in its two halves: read_ndjson into a table, and that table to Parquet. Its Parquet half bounds any ingest into this store, whatever parses the lines. */
function rawHalves(dir: string, files: { index: string; file: string }[], events: number): Promise<{ readEventsPerSecond: number; writeEventsPerSecond: number }> {
  return withDuckDb('8GB', async (conn) => {
    let readMs = 0;
    let writeMs = 0;
    for (const [i, { file }] of files.entries()) {
      const out = path.join(dir, `raw-${i}.parquet`);
      readMs += (await time(() => conn.run(`CREATE OR REPLACE TABLE raw AS SELECT * FROM read_ndjson('${file}')`)))[0];
      writeMs += (await time(() => conn.run(`COPY raw ${copyTo(out)}`)))[0];
      rmSync(out);
    }
    return { readEventsPerSecond: events / (readMs / 1000), writeEventsPerSecond: events / (writeMs / 1000) };
  });
}

async function benchSize(networkEvents: number): Promise<SizeFigure> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-bench-'));
  try {
    const files = await writeDemoFiles(dataDir, networkEvents, NOW);
    // this machine's speed drifts by a fifth from one minute to the next: the ingest and its
    // yardstick are run in turns, several times, and their medians compared
    const ingests: { ms: number; events: number; network: number }[] = [];
    const raws: number[] = [];
    for (let run = 0; run < ingestRuns; run++) {
      rmSync(path.join(dataDir, 'native'), { recursive: true, force: true });
      ingests.push(await ingestFiles(path.join(dataDir, 'native'), files, {}));
      console.log(`  ingest: ${ingests[run].events} events (${ingests[run].network} network) in ${(ingests[run].ms / 1000).toFixed(1)} s`);
      raws.push(await rawCopy(dataDir, files));
      console.log(`  DuckDB alone, NDJSON to Parquet: ${Math.round(raws[run])} events/s`);
    }
    const { events: totalEvents, network } = ingests[0];
    const ingestMs = median(ingests.map((i) => i.ms));
    const raw: RawDuckDb = { ...(networkEvents <= jsPathUpTo ? await rawHalves(dataDir, files, totalEvents) : {}), eventsPerSecond: median(raws), runs: raws };
    if (raw.readEventsPerSecond !== undefined) console.log(`  DuckDB alone, read alone ${rounded(raw.readEventsPerSecond)} events/s, write alone ${rounded(raw.writeEventsPerSecond)}`);
    let jsPath: { eventsPerSecond: number } | undefined;
    if (networkEvents <= jsPathUpTo) {
      const js = await ingestFiles(path.join(dataDir, 'js'), files, { native: false });
      jsPath = { eventsPerSecond: js.events / (js.ms / 1000) };
      console.log(`  ingest through the JS path: ${(js.ms / 1000).toFixed(1)} s`);
      rmSync(path.join(dataDir, 'js'), { recursive: true, force: true });
    }
    const store = openStore(path.join(dataDir, 'native'));
    const engineDataDir = path.join(dataDir, 'native');
    const snapshot = await store.resolve(['logs-endpoint.events.network-*']);
    if ('unknown' in snapshot) throw new Error('demo network index missing');
    const engine = createEmbeddedEngine({ dataDir: engineDataDir, now: () => NOW });
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    const hunts: HuntFigure[] = [];
    for (const [name, query] of Object.entries(await seedQueries())) {
      const sql = handWrittenSeedSql(snapshot.partFiles, NOW.getTime(), name === 'rootOnly');
      const engineTimes: number[] = [];
      const handTimes: number[] = [];
      let engineRows: unknown[][] = [];
      let handRows: unknown[][] = [];
      // Alternate the two so that caches and machine noise treat them alike; first pair is warm-up.
      for (let i = 0; i <= runs; i++) {
        const [e, result] = await time(() => engine.query({ query }));
        if (!result.ok) throw new Error(result.error.message);
        engineRows = result.response.values;
        const [h, reader] = await time(() => duck.runAndReadAll(sql));
        handRows = reader.getRows();
        if (i > 0) {
          engineTimes.push(e);
          handTimes.push(h);
        }
      }
      const key = (rows: unknown[][]) => JSON.stringify(rows.map((r) => r.map(String)).sort());
      const figure: HuntFigure = {
        query: name,
        engineMs: median(engineTimes),
        handWrittenMs: median(handTimes),
        ratio: median(engineTimes) / median(handTimes),
        rows: engineRows.length,
        sameRows: key(engineRows) === key(handRows),
      };
      console.log(`  ${name}: engine ${figure.engineMs.toFixed(1)} ms, hand-written ${figure.handWrittenMs.toFixed(1)} ms, ratio ${figure.ratio.toFixed(2)}×, ${figure.rows} rows, same rows: ${figure.sameRows}`);
      hunts.push(figure);
    }
    duck.closeSync();
    await engine.close();
    return { networkEvents: network, totalEvents, ingestSeconds: ingestMs / 1000, ingestEventsPerSecond: totalEvents / (ingestMs / 1000), ingestRunsEventsPerSecond: ingests.map((i) => i.events / (i.ms / 1000)), jsPathEventsPerSecond: jsPath?.eventsPerSecond, rawDuckDb: raw, hunts };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function ratio(n: number, baseline: number | undefined): string {
  return baseline === undefined ? '—' : `${(n / baseline).toFixed(n / baseline < 10 ? 2 : 1)}×`;
}

function rounded(n: number | undefined): string {
  return n === undefined ? '—' : String(Math.round(n));
}

async function main() {
  const figures: SizeFigure[] = [];
  for (const size of sizes) {
    console.log(`demo world with ${size} network events:`);
    figures.push(await benchSize(size));
  }
  const dir = path.join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const result = { date: new Date().toISOString(), machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`, runs, figures };
  writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
  const lines = [
    `# Benchmark ${result.date}`,
    '',
    `${result.machine}; median of ${runs} runs after one warm-up; baseline = hand-written DuckDB SQL over the same Parquet parts, same run.`,
    '',
    '## Ingest',
    '',
    'The demo world written as NDJSON files, then ingested as `huntboard ingest` does (the file read as bytes by the native reader, native/; demo mapping), timed from the first byte read to the last part committed; events/s is the median of ' + ingestRuns + " runs, taken in turns with DuckDB alone (this machine's speed drifts). Baselines, same files, same run: the JS path (`JSON.parse` + `documentToRow` for every line, streamed lines), which ingest falls back to where the addon is not built; and DuckDB alone turning the files into Parquet with no validation and no Elasticsearch semantics (`read_ndjson` → `COPY`). On the sizes where the JS path is measured too, that last baseline is also timed in its two halves: `read_ndjson` into an in-memory table, and that table written as Parquet.",
    '',
    '| network events | total events | seconds | events/s | each run events/s | JS path events/s | vs JS path | DuckDB alone events/s | each run | vs DuckDB alone | DuckDB read alone events/s | Parquet write alone events/s |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...figures.map(
      (f) =>
        `| ${f.networkEvents} | ${f.totalEvents} | ${f.ingestSeconds.toFixed(1)} | ${Math.round(f.ingestEventsPerSecond)} | ${f.ingestRunsEventsPerSecond.map(Math.round).join(', ')} | ${f.jsPathEventsPerSecond ? Math.round(f.jsPathEventsPerSecond) : '—'} | ${ratio(f.ingestEventsPerSecond, f.jsPathEventsPerSecond)} | ${Math.round(f.rawDuckDb.eventsPerSecond)} | ${f.rawDuckDb.runs.map(Math.round).join(', ')} | ${(f.ingestEventsPerSecond / f.rawDuckDb.eventsPerSecond).toFixed(2)}× | ${rounded(f.rawDuckDb.readEventsPerSecond)} | ${rounded(f.rawDuckDb.writeEventsPerSecond)} |`,
    ),
    '',
    '## Seed hunts',
    '',
    '| network events | query | engine ms | hand-written ms | ratio | rows | same rows |',
    '|---:|---|---:|---:|---:|---:|---|',
    ...figures.flatMap((f) => f.hunts.map((h) => `| ${f.networkEvents} | ${h.query} | ${h.engineMs.toFixed(1)} | ${h.handWrittenMs.toFixed(1)} | ${h.ratio.toFixed(2)}× | ${h.rows} | ${h.sameRows} |`)),
  ];
  writeFileSync(path.join(dir, 'latest.md'), lines.join('\n') + '\n');
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
