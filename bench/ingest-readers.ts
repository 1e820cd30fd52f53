/**
 * `npx tsx bench/ingest-readers.ts`: the record behind the native reader (README, "The embedded
 * engine and the demo data"). Issue 15 asked whether DuckDB's own `read_ndjson`, given a schema and
 * Elasticsearch's coercions in SQL, could replace the C++ addon at ≥ 100k events/s with the same
 * answers. Over the same demo NDJSON this measures, in one run: (a) `read_ndjson` with the mapped
 * fields → Parquet; (b) the same with the coercions in SQL (readers-sql.ts); (c) the native reader;
 * (d) the reference path; then asks DuckDB the questions the differential test asks of every path.
 *
 * PROBE_EVENTS (default 240,000 network events, about 300,000 in all) sets the size.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoMapping } from '../lib/demo';
import { openInput } from '../lib/cli/read-input';
import { openStore, type IngestTuning } from '../lib/store';
import { flattenMapping, type LeafField } from '../lib/store/mapping';
import { readLines } from '../lib/store/ndjson';
import { writeDemoFiles, type DemoFile } from './demo-files';
import { coercingSelect, plainSelect } from './readers-sql';
import { time } from './timing';

const NOW = new Date('2026-01-08T12:00:00.000Z');
const networkEvents = Number(process.env.PROBE_EVENTS ?? 240_000);
const COPY = "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)";

/** The mapped leaves that occur in the files (multi-fields with their parents): the schema (a) and (b) read. */
function occurringFields(files: DemoFile[]): LeafField[] {
  const flat = flattenMapping(demoMapping());
  if ('error' in flat) throw new Error(flat.error);
  const seen = new Set<string>();
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
    } else seen.add(prefix);
  };
  for (const { file } of files) for (const line of readFileSync(file, 'utf8').split('\n')) if (line) walk(JSON.parse(line), '');
  return flat.fields.filter((f) => seen.has(f.parent ?? f.name));
}

async function duckdbReader(conn: DuckDBConnection, files: DemoFile[], dir: string, select: (file: string) => string): Promise<{ ms: number; events: number; parts: string[] }> {
  const parts: string[] = [];
  let events = 0;
  const [ms] = await time(async () => {
    for (const [i, { file }] of files.entries()) {
      const out = path.join(dir, `part-${i}.parquet`);
      await conn.run(`COPY (${select(file)}) TO '${out}' ${COPY}`);
      events += Number((await conn.runAndReadAll(`SELECT count(*) FROM '${out}'`)).getRows()[0][0]);
      parts.push(out);
    }
  });
  return { ms, events, parts };
}

async function storeReader(dataDir: string, files: DemoFile[], tuning: IngestTuning): Promise<{ ms: number; events: number }> {
  const store = openStore(dataDir, tuning);
  let events = 0;
  const [ms] = await time(async () => {
    for (const { index, file } of files) {
      const options = { mapping: demoMapping() };
      const report = tuning.native === false
        ? await store.ingestLines(index, readLines(createReadStream(file, { encoding: 'utf8' })), options)
        : await store.ingestBytes(index, openInput(file, process.stdin), options);
      if (report.rejected) throw new Error(`${report.rejected} demo events rejected in ${index}`);
      events += report.stored;
    }
  });
  return { ms, events };
}

/** Columns of (b)'s parts whose values differ from the native reader's (order-free: a sum of hashes per column). */
async function differingColumns(conn: DuckDBConnection, files: DemoFile[], coercedParts: string[], dataDir: string): Promise<string[]> {
  const differing: string[] = [];
  for (const [i, { index }] of files.entries()) {
    const partsDir = path.join(dataDir, 'indices', index, 'parts');
    const native = readdirSync(partsDir).filter((f) => f.endsWith('.parquet')).map((f) => `'${path.join(partsDir, f)}'`);
    const nativeColumns = new Set((await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet([${native.join(', ')}], union_by_name=true)`)).getRows().map((r) => String(r[0])));
    const coercedColumns = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM '${coercedParts[i]}'`)).getRows().map((r) => String(r[0]));
    for (const column of coercedColumns) {
      const sum = `sum(hash("${column}")) FILTER (WHERE "${column}" IS NOT NULL AND "${column}"::VARCHAR <> '[]')`;
      const coerced = (await conn.runAndReadAll(`SELECT ${sum}::VARCHAR FROM '${coercedParts[i]}'`)).getRows()[0][0];
      const stored = nativeColumns.has(column) ? (await conn.runAndReadAll(`SELECT ${sum}::VARCHAR FROM read_parquet([${native.join(', ')}], union_by_name=true)`)).getRows()[0][0] : null;
      if (coerced !== stored) differing.push(`${index}: ${column}`);
    }
  }
  return differing;
}

/** What the differential test requires of every path, asked of read_ndjson. */
async function limits(conn: DuckDBConnection, dir: string): Promise<string[]> {
  const file = path.join(dir, 'limits.ndjson');
  const deep = `{"n":5,"d":${'{"a":'.repeat(1500)}1${'}'.repeat(1500)}}`;
  writeFileSync(file, ['{"n":1}', '{"n":2,"k":"x"', '{"n":"3"}', '{"n":99999999999999999999}', deep, '{"n.x":6}', '{"n":7,"new":"x"}'].join('\n') + '\n');
  const rows = async (sql: string) => {
    try {
      return JSON.stringify((await conn.runAndReadAll(sql)).getRowsJson());
    } catch (e) {
      return `error: ${(e as Error).message.split('\n')[0]}`;
    }
  };
  const read = (options: string) => `SELECT * FROM read_ndjson('${file}', columns={n: 'BIGINT'}${options})`;
  return [
    `lines: {"n":1} | {"n":2,"k":"x" (malformed) | {"n":"3"} | {"n":99999999999999999999} | a line 1,500 levels deep | {"n.x":6} | {"n":7,"new":"x"}`,
    `without ignore_errors: ${await rows(read(''))}`,
    `with ignore_errors (rows of n): ${await rows(read(', ignore_errors=true'))}`,
    `auto-detected columns: ${await rows(`SELECT list(column_name || ' ' || left(column_type, 24)) FROM (DESCRIBE SELECT * FROM read_ndjson('${file}', ignore_errors=true))`)}`,
  ];
}

const rate = (r: { ms: number; events: number }) => r.events / (r.ms / 1000);

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-readers-'));
  const db = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '2GB' });
  const conn = await db.connect();
  try {
    const files = await writeDemoFiles(dir, networkEvents, NOW);
    const fields = occurringFields(files);
    console.log(`${files.length} demo files, ${fields.length} mapped fields occur in them`);
    const plain = await duckdbReader(conn, files, mkdtempSync(path.join(dir, 'a-')), (file) => plainSelect(file, fields));
    const coerced = await duckdbReader(conn, files, mkdtempSync(path.join(dir, 'b-')), (file) => coercingSelect(file, fields));
    const native = await storeReader(path.join(dir, 'native'), files, {});
    const reference = await storeReader(path.join(dir, 'reference'), files, { native: false });
    const c = rate(native);
    for (const [name, r] of [['(a) read_ndjson with the mapped fields, DuckDB\'s conversions', plain], ['(b) read_ndjson + Elasticsearch\'s coercions in SQL', coerced], ['(c) native reader', native], ['(d) reference path', reference]] as const) {
      console.log(`${name}: ${r.events} events in ${(r.ms / 1000).toFixed(2)} s, ${Math.round(rate(r))} events/s, ${(rate(r) / c).toFixed(2)}× (c)`);
    }
    const differing = await differingColumns(conn, files, coerced.parts, path.join(dir, 'native'));
    console.log(`(b) against (c), column by column: ${differing.length ? `${differing.length} columns differ: ${differing.join(', ')}` : 'the same values'}`);
    for (const line of await limits(conn, dir)) console.log(line);
  } finally {
    conn.closeSync();
    db.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
