/**
 * Ingest of one call into one index, all-or-nothing: documents become rows, rows stream into
 * parts of up to `partRows` rows, and only after every part is written, fsynced and renamed does a
 * new manifest list them. A failure (or a kill) before that leaves no visible change.
 */
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { IngestOptions, IngestReport, Rejection } from './types';
import { indexDir, isValidIndexName, type IndexManifest, type PartInfo } from './layout';
import { documentToRow, makeSchema, type DocumentSchema } from './documents';
import { flattenMapping, physicalType, type FlatMapping } from './mapping';
import { ECS_META, ecsMapping, isEcsGrown, usesEcsByDefault } from './ecs-mapping';
import { readManifest, readMapping, writeManifest, writeMapping } from './manifest';
import { fsyncPath } from './atomic-file';
import { lockIndex } from './lock';
import { PartWriter, type WrittenPart } from './part-writer';
import { ingestLinesNatively, parseLine } from './fast/native-lines';
import { Stage } from './fast/stage';

export interface IngestTuning {
  /** Rows per part (default 1,000,000). */
  partRows?: number;
  /** Test hook: called after each part is written (before commit); throwing aborts the ingest. */
  afterPart?: (part: PartInfo) => void | Promise<void>;
  /** `false` sends every line through JSON.parse and documentToRow (the reference path). */
  native?: boolean;
  /** Lines per natively read batch (default 100,000; a batch also ends at 64 Mi characters). */
  batchLines?: number;
}

/** A parsed input item: a document, or a line already known to be bad. */
export type IngestItem = { line: number; doc: unknown } | { line: number; reason: string };

const MAX_REJECTIONS = 100;
const DEFAULT_PART_ROWS = 1_000_000;
const DEFAULT_BATCH_LINES = 100_000;

let ecsTemplate: FlatMapping | undefined;

/**
 * DuckDB's memory for an ingest: a quarter of the machine, between 1 and 4 GiB. A part of a
 * million rows is staged in memory before it is written; with less, staging spills to disk and
 * runs at about two-thirds of the speed.
 */
function stagingMemory(): string {
  const quarter = os.totalmem() / 4 / 2 ** 30;
  return `${Math.max(1, Math.min(4, Math.floor(quarter)))}GiB`;
}

function loadSchema(dataDir: string, index: string, options: IngestOptions | undefined): DocumentSchema {
  const existing = readMapping(dataDir, index);
  const isNew = readManifest(dataDir, index) === undefined || existing === undefined;
  const ecs = usesEcsByDefault(index) && (isNew ? options?.mapping === undefined : isEcsGrown(existing));
  const mapping = (isNew ? (options?.mapping ?? (ecs ? { dynamic: false, _meta: { ...ECS_META }, properties: {} } : { properties: {} })) : existing) as Record<string, unknown>;
  const flat = flattenMapping(mapping);
  if ('error' in flat) throw new Error(`invalid mapping for index [${index}]: ${flat.error}`);
  if (ecs) ecsTemplate ??= flattenMapping(ecsMapping()) as FlatMapping;
  const schema = makeSchema(flat, structuredClone(mapping), ecs ? ecsTemplate : undefined);
  schema.changed = isNew;
  return schema;
}

/** Removes parts no manifest lists: leftovers of killed or failed ingests (we hold the lock). */
function removeOrphans(partsDir: string, manifest: IndexManifest | undefined): void {
  const listed = new Set(manifest?.parts.map((p) => p.file) ?? []);
  for (const name of readdirSync(partsDir)) {
    if (!listed.has(name)) rmSync(path.join(partsDir, name), { force: true, recursive: true });
  }
}

/** What both ingest paths share: the schema, rejections, a DuckDB connection, and the parts written so far. */
interface IngestRun {
  schema: DocumentSchema;
  partsDir: string;
  reject(r: Rejection): void;
  connection(): Promise<DuckDBConnection>;
  typeOf(field: string): ReturnType<typeof physicalType>;
  /** Records a written part (still under its temp name) and runs the test hook. */
  wrote(part: WrittenPart): Promise<void>;
  /** Whoever holds an unfinished part registers its cleanup here. */
  onAbort(cleanup: () => void): void;
}

/** Lock, schema, parts and commit around `body`: all-or-nothing, whichever path fills the parts. */
async function runIngest(dataDir: string, index: string, options: IngestOptions | undefined, tuning: IngestTuning, body: (run: IngestRun) => Promise<void>): Promise<IngestReport> {
  if (!isValidIndexName(index)) throw new Error(`Invalid index name [${index}]`);
  const dir = indexDir(dataDir, index);
  const partsDir = path.join(dir, 'parts');
  mkdirSync(partsDir, { recursive: true });
  const lock = await lockIndex(dir);
  const written: WrittenPart[] = [];
  const aborts: (() => void)[] = [];
  let db: DuckDBInstance | undefined;
  let conn: DuckDBConnection | undefined;
  try {
    const before = readManifest(dataDir, index);
    removeOrphans(partsDir, before);
    const schema = loadSchema(dataDir, index, options);
    const report: IngestReport = { index, stored: 0, rejected: 0, rejections: [] };
    await body({
      schema,
      partsDir,
      reject(r) {
        report.rejected++;
        if (report.rejections.length < MAX_REJECTIONS) report.rejections.push(r);
      },
      async connection() {
        if (!conn) {
          // staging tables spill to the index folder rather than growing memory without bound
          db = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: stagingMemory(), temp_directory: path.join(partsDir, '.tmp-spill') });
          conn = await db.connect();
        }
        return conn;
      },
      typeOf(field) {
        const leaf = schema.flat.byName.get(field);
        return leaf ? physicalType(leaf.type) : undefined;
      },
      async wrote(part) {
        written.push(part);
        report.stored += part.info.docCount;
        await tuning.afterPart?.(part.info);
      },
      onAbort(cleanup) {
        aborts.push(cleanup);
      },
    });
    commit(dataDir, index, partsDir, before, written, schema);
    return report;
  } catch (e) {
    for (const cleanup of aborts) cleanup();
    for (const p of written) rmSync(p.tmpPath, { force: true });
    throw e;
  } finally {
    conn?.closeSync();
    db?.closeSync();
    rmSync(path.join(partsDir, '.tmp-spill'), { force: true, recursive: true });
    lock.release();
  }
}

function newPartName(): string {
  return `${Date.now().toString(36)}-${randomBytes(5).toString('hex')}.parquet`;
}

/** The JS path: every document through documentToRow, rows through PartWriter. */
export async function ingestItems(
  dataDir: string,
  index: string,
  items: AsyncIterable<IngestItem> | Iterable<IngestItem>,
  options?: IngestOptions,
  tuning: IngestTuning = {},
): Promise<IngestReport> {
  const partRows = tuning.partRows ?? DEFAULT_PART_ROWS;
  return runIngest(dataDir, index, options, tuning, async (run) => {
    let writer: PartWriter | undefined;
    run.onAbort(() => writer?.discard());
    const finishPart = async () => {
      const full = writer!;
      writer = undefined;
      await run.wrote(await full.finish());
    };
    for await (const item of items) {
      if ('reason' in item) {
        run.reject({ line: item.line, reason: item.reason });
        continue;
      }
      const result = documentToRow(item.doc, run.schema);
      if (!result.ok) {
        run.reject({ line: item.line, reason: result.reason });
        continue;
      }
      writer ??= new PartWriter(await run.connection(), run.partsDir, newPartName(), (f) => run.typeOf(f));
      await writer.add(result.row, result.multiValued);
      if (writer.docCount >= partRows) await finishPart();
    }
    if (writer) await finishPart();
  });
}

/**
 * NDJSON lines, read natively by DuckDB where the JS path's answer is certain to be the same
 * (fast/native-lines.ts), else through the JS path; `tuning.native: false` forces the JS path.
 */
export async function ingestLines(
  dataDir: string,
  index: string,
  lines: AsyncIterable<string> | Iterable<string>,
  options?: IngestOptions,
  tuning: IngestTuning = {},
): Promise<IngestReport> {
  if (tuning.native === false) return ingestItems(dataDir, index, linesToItems(lines), options, tuning);
  const partRows = tuning.partRows ?? DEFAULT_PART_ROWS;
  return runIngest(dataDir, index, options, tuning, async (run) => {
    const conn = await run.connection();
    const stage = new Stage(conn, run.partsDir, (f) => run.typeOf(f));
    await ingestLinesNatively(
      {
        schema: run.schema,
        stage,
        conn,
        partsDir: run.partsDir,
        batchLines: tuning.batchLines ?? DEFAULT_BATCH_LINES,
        reject: (r) => run.reject(r),
        afterBatch: async () => {
          while (stage.rows >= partRows) await run.wrote(await stage.writePart(newPartName(), partRows));
        },
      },
      lines,
    );
    if (stage.rows > 0) await run.wrote(await stage.writePart(newPartName(), stage.rows));
    await stage.drop();
  });
}

function commit(dataDir: string, index: string, partsDir: string, before: IndexManifest | undefined, written: WrittenPart[], schema: DocumentSchema): void {
  for (const p of written) renameSync(p.tmpPath, path.join(partsDir, p.info.file));
  if (written.length) fsyncPath(partsDir);
  // The mapping first: a kill between the two leaves extra mapped fields but no unlisted data.
  if (schema.changed) writeMapping(dataDir, index, schema.mapping);
  const multiValued = new Set(before?.multiValued ?? []);
  for (const p of written) for (const f of p.multiValued) multiValued.add(f);
  writeManifest(dataDir, {
    formatVersion: 1,
    index,
    parts: [...(before?.parts ?? []), ...written.map((p) => p.info)],
    multiValued: [...multiValued].sort(),
  });
}

/** NDJSON lines → items: blank lines skipped, bad JSON rejected with the parser's message. */
export async function* linesToItems(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<IngestItem> {
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    yield { line, ...parseLine(text) };
  }
}

export async function* docsToItems(docs: AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<IngestItem> {
  let line = 0;
  for await (const doc of docs) yield { line: ++line, doc };
}
