/**
 * What every ingest path shares: the index lock, the schema (mapping, ECS template), rejections, a
 * DuckDB connection for staging, the parts written so far, and the all-or-nothing commit: only
 * after every part is written, fsynced and renamed does a new manifest list them.
 */
import 'server-only';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { IngestOptions, IngestReport, Rejection } from './types';
import { indexDir, isValidIndexName, type IndexManifest, type PartInfo } from './layout';
import { makeSchema, type DocumentSchema, type Row } from './documents';
import { flattenMapping, mappingProblem, physicalType, type FlatMapping } from './mapping';
import { ECS_META, ecsMapping, isEcsGrown, usesEcsByDefault } from './ecs-mapping';
import { readManifest, readMapping, writeManifest, writeMapping } from './manifest';
import { fsyncPath } from './atomic-file';
import { lockIndex } from './lock';
import { PartWriter, type WrittenPart } from './part-writer';
import { ingestFailure } from './write-failure';
import { discardWritten, removeTemporaries } from './failed-ingest';
import { sealPart } from './part-check';
import { ID_COLUMN } from './document-id';

const MAX_REJECTIONS = 100;

let ecsTemplate: FlatMapping | undefined;

/**
 * DuckDB's memory for an ingest: a quarter of the machine, between 1 and 4 GiB. A part of a
 * million rows is staged in memory before it is written; with less, staging spills to disk and
 * runs at about two-thirds of the speed.
 */
export function stagingMemory(): string {
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
  const problem = isNew ? mappingProblem(flat) : undefined;
  if (problem) throw new Error(`invalid mapping for index [${index}]: ${problem}`);
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
export interface IngestRun {
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
export async function runIngest(
  dataDir: string,
  index: string,
  options: IngestOptions | undefined,
  afterPart: ((part: PartInfo) => void | Promise<void>) | undefined,
  body: (run: IngestRun) => Promise<void>,
): Promise<IngestReport> {
  if (!isValidIndexName(index)) throw new Error(`Invalid index name [${index}]`);
  const dir = indexDir(dataDir, index);
  const partsDir = path.join(dir, 'parts');
  mkdirSync(partsDir, { recursive: true });
  const lock = await lockIndex(dir);
  const written: WrittenPart[] = [];
  const aborts: (() => void)[] = [];
  let db: DuckDBInstance | undefined;
  let conn: DuckDBConnection | undefined;
  let failed = false;
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
        keepFirstRejections(report.rejections, r);
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
        if (field === ID_COLUMN) return 'VARCHAR';
        const leaf = schema.flat.byName.get(field);
        return leaf ? physicalType(leaf.type) : undefined;
      },
      async wrote(part) {
        written.push(part);
        report.stored += part.info.docCount;
        await afterPart?.(part.info);
      },
      onAbort(cleanup) {
        aborts.push(cleanup);
      },
    });
    commit(dataDir, index, partsDir, before, written, schema);
    return report;
  } catch (e) {
    failed = true;
    for (const cleanup of aborts) {
      try {
        cleanup();
      } catch {
        // its file goes with the other temporaries below
      }
    }
    throw discardWritten(dataDir, index, written) ? ingestFailure(e, index) : e;
  } finally {
    try {
      conn?.closeSync();
      db?.closeSync();
      rmSync(path.join(partsDir, '.tmp-spill'), { force: true, recursive: true });
      if (failed) removeTemporaries(partsDir);
    } finally {
      lock.release();
    }
  }
}

/**
 * The first rejections by line, in line order: the native path may report a batch's lines
 * after the next batch's (when it falls back to JS for a whole batch).
 */
function keepFirstRejections(kept: Rejection[], r: Rejection): void {
  if (kept.length >= MAX_REJECTIONS && r.line >= kept[kept.length - 1].line) return;
  let at = kept.length;
  while (at > 0 && kept[at - 1].line > r.line) at--;
  kept.splice(at, 0, r);
  if (kept.length > MAX_REJECTIONS) kept.pop();
}

export function newPartName(): string {
  return `${Date.now().toString(36)}-${randomBytes(5).toString('hex')}.parquet`;
}

/** Rows into parts of `partRows`, through PartWriter: the JS path's way of writing. */
export function rowWriter(run: IngestRun, partRows: number) {
  let writer: PartWriter | undefined;
  run.onAbort(() => writer?.discard());
  const finish = async () => {
    const full = writer!;
    writer = undefined;
    let part: WrittenPart;
    try {
      part = await full.finish();
    } catch (e) {
      // a part half-written (a full disk) is nobody else's to remove
      full.discard();
      throw e;
    }
    await run.wrote(part);
  };
  return {
    async add(row: Row, multiValued: string[]) {
      writer ??= new PartWriter(await run.connection(), run.partsDir, newPartName(), (f) => run.typeOf(f));
      await writer.add(row, multiValued);
      if (writer.docCount >= partRows) await finish();
    },
    async end() {
      if (writer) await finish();
    },
  };
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
    // Each new part sealed in place (size, times, checksum) for the query-time damage check (part-check.ts).
    parts: [...(before?.parts ?? []), ...written.map((p) => ({ ...p.info, ...sealPart(path.join(partsDir, p.info.file)) }))],
    multiValued: [...multiValued].sort(),
  });
}
