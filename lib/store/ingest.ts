/**
 * Ingest of one call into one index, all-or-nothing: documents become rows, rows stream into
 * parts of up to `partRows` rows, and only after every part is written, fsynced and renamed does a
 * new manifest list them. A failure (or a kill) before that leaves no visible change.
 */
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { IngestOptions, IngestReport, Rejection } from './types';
import { indexDir, isValidIndexName, type IndexManifest, type PartInfo } from './layout';
import { documentToRow, makeSchema, type DocumentSchema } from './documents';
import { flattenMapping, physicalType, type FlatMapping } from './mapping';
import { ECS_META, ecsMapping, isEcsGrown, usesEcsByDefault } from './ecs-mapping';
import { readManifest, readMapping, writeManifest, writeMapping } from './manifest';
import { fsyncDir } from './atomic-file';
import { lockIndex } from './lock';
import { PartWriter, type WrittenPart } from './part-writer';

export interface IngestTuning {
  /** Rows per part (default 1,000,000). */
  partRows?: number;
  /** Test hook: called after each part is written (before commit); throwing aborts the ingest. */
  afterPart?: (part: PartInfo) => void | Promise<void>;
}

/** A parsed input item: a document, or a line already known to be bad. */
export type IngestItem = { line: number; doc: unknown } | { line: number; reason: string };

const MAX_REJECTIONS = 100;
const DEFAULT_PART_ROWS = 1_000_000;

let ecsTemplate: FlatMapping | undefined;

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

function newPartName(): string {
  return `${Date.now().toString(36)}-${randomBytes(5).toString('hex')}.parquet`;
}

export async function ingestItems(
  dataDir: string,
  index: string,
  items: AsyncIterable<IngestItem> | Iterable<IngestItem>,
  options?: IngestOptions,
  tuning: IngestTuning = {},
): Promise<IngestReport> {
  if (!isValidIndexName(index)) throw new Error(`Invalid index name [${index}]`);
  const dir = indexDir(dataDir, index);
  const partsDir = path.join(dir, 'parts');
  mkdirSync(partsDir, { recursive: true });
  const lock = await lockIndex(dir);
  const written: WrittenPart[] = [];
  let writer: PartWriter | undefined;
  let db: DuckDBInstance | undefined;
  let conn: DuckDBConnection | undefined;
  try {
    const before = readManifest(dataDir, index);
    removeOrphans(partsDir, before);
    const schema = loadSchema(dataDir, index, options);
    const typeOf = (field: string) => {
      const leaf = schema.flat.byName.get(field);
      return leaf ? physicalType(leaf.type) : undefined;
    };
    const partRows = tuning.partRows ?? DEFAULT_PART_ROWS;
    const report: IngestReport = { index, stored: 0, rejected: 0, rejections: [] };
    const reject = (r: Rejection) => {
      report.rejected++;
      if (report.rejections.length < MAX_REJECTIONS) report.rejections.push(r);
    };
    const connection = async (): Promise<DuckDBConnection> => {
      if (!conn) {
        // staging tables spill to the index folder rather than growing memory without bound
        db = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '1GB', temp_directory: path.join(partsDir, '.tmp-spill') });
        conn = await db.connect();
      }
      return conn;
    };
    const finishPart = async (w: PartWriter) => {
      const part = await w.finish();
      written.push(part);
      await tuning.afterPart?.(part.info);
    };
    for await (const item of items) {
      if ('reason' in item) {
        reject({ line: item.line, reason: item.reason });
        continue;
      }
      const result = documentToRow(item.doc, schema);
      if (!result.ok) {
        reject({ line: item.line, reason: result.reason });
        continue;
      }
      writer ??= new PartWriter(await connection(), partsDir, newPartName(), typeOf);
      await writer.add(result.row, result.multiValued);
      report.stored++;
      if (writer.docCount >= partRows) {
        const full = writer;
        writer = undefined;
        await finishPart(full);
      }
    }
    if (writer) {
      const last = writer;
      writer = undefined;
      await finishPart(last);
    }
    commit(dataDir, index, partsDir, before, written, schema);
    return report;
  } catch (e) {
    writer?.discard();
    for (const p of written) rmSync(p.tmpPath, { force: true });
    throw e;
  } finally {
    conn?.closeSync();
    db?.closeSync();
    rmSync(path.join(partsDir, '.tmp-spill'), { force: true, recursive: true });
    lock.release();
  }
}

function commit(dataDir: string, index: string, partsDir: string, before: IndexManifest | undefined, written: WrittenPart[], schema: DocumentSchema): void {
  for (const p of written) renameSync(p.tmpPath, path.join(partsDir, p.info.file));
  if (written.length) fsyncDir(partsDir);
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
    try {
      yield { line, doc: JSON.parse(text) as unknown };
    } catch (e) {
      yield { line, reason: `invalid JSON: ${(e as Error).message}` };
    }
  }
}

export async function* docsToItems(docs: AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<IngestItem> {
  let line = 0;
  for await (const doc of docs) yield { line: ++line, doc };
}
