/**
 * Test helper: the same NDJSON through every way ingest reads it — the reference path (JSON.parse
 * + documentToRow) and the native reader (native/), each from string lines, from stdin-like
 * chunks and from a file — with small batches and parts so that their boundaries fall everywhere.
 * Every way must give the same reports (stored, rejections with lines and reasons), the same
 * mapping, the same rows in line order, and parts that say truly what they hold.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { openStore } from '../index';
import { manifestPath, mappingPath, partPath, type IndexManifest } from '../layout';
import type { ByteInput, IngestOptions, IngestReport } from '../types';
import type { IngestTuning } from '../ingest';
import { tempDataDir } from './helpers';
import { quoteString } from '../sql-text';
import { nativeAddon } from '../native/addon';

const dirs: string[] = [];

export function removePathDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export type IngestPath = 'reference-lines' | 'reference-chunks' | 'reference-file' | 'native-lines' | 'native-chunks' | 'native-file';

export const ALL_PATHS: IngestPath[] = ['reference-lines', 'reference-chunks', 'reference-file', 'native-lines', 'native-chunks', 'native-file'];

export interface Stored {
  reports: IngestReport[];
  mapping: unknown;
  parts: { info: Record<string, unknown>; schema: Record<string, string>; rows: Record<string, unknown>[] }[];
  multiValued: string[];
}

export interface Layout {
  batchLines?: number;
  batchBytes?: number;
  partRows?: number;
  /** Native batches of at least this many lines are written as two parts. */
  splitLines?: number;
  /** `false`: the bytes' last line has no line break after it. */
  finalBreak?: boolean;
}

/** Mapping with object keys sorted: Elasticsearch returns mappings sorted too, so order carries nothing. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
  );
}

/** Bytes in uneven chunks, so that chunk ends fall inside lines and inside characters. */
function* chunked(bytes: Buffer): Generator<Buffer> {
  for (let at = 0, step = 1; at < bytes.length; at += step, step = (step * 7 + 3) % 4093) yield bytes.subarray(at, at + step);
}

/** A file's reader, as `huntboard ingest FILE` opens one. */
function fileInput(file: string): ByteInput {
  const handle = open(file, 'r');
  return {
    async read(into, offset, length) {
      return (await (await handle).read(into, offset, length, null)).bytesRead;
    },
    async close() {
      await (await handle).close();
    },
  };
}

/** An input as a file would hold it: its lines, each ended by '\n' (but the last, with `finalBreak: false`). */
export function asBytes(lines: string[], finalBreak = true): Buffer {
  return Buffer.from(lines.length ? lines.join('\n') + (finalBreak ? '\n' : '') : '');
}

/** The lines readline finds in those bytes (a line break inside a line splits it). */
export function asRead(lines: string[]): string[] {
  return lines.length ? (lines.join('\n') + '\n').split(/\r\n|\r|\n/).slice(0, -1) : [];
}

async function readStored(dataDir: string, index: string): Promise<Stored> {
  const manifest = JSON.parse(readFileSync(manifestPath(dataDir, index), 'utf8')) as IndexManifest;
  const parts: Stored['parts'] = [];
  // one connection for every part: small parts make hundreds of them
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    for (const p of manifest.parts) {
      const file = quoteString(partPath(dataDir, index, p.file));
      const described = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${file})`)).getRowObjectsJson();
      const schema = Object.fromEntries(described.map((r) => [String(r.column_name), String(r.column_type)]));
      const rows = (await conn.runAndReadAll(`SELECT * FROM read_parquet(${file})`)).getRowObjectsJson() as Record<string, unknown>[];
      const { docCount, minTimestamp, maxTimestamp, columns } = p;
      parts.push({ info: { docCount, minTimestamp, maxTimestamp, columns }, schema, rows });
    }
  } finally {
    conn.closeSync();
    db.closeSync();
  }
  return { reports: [], mapping: canonical(JSON.parse(readFileSync(mappingPath(dataDir, index), 'utf8'))), parts, multiValued: manifest.multiValued };
}

/** Ingests `files` (one ingest call each) into a fresh store, one way. */
export async function ingestAll(way: IngestPath, index: string, files: string[][], options: IngestOptions, layout: Layout): Promise<Stored> {
  const dataDir = tempDataDir();
  dirs.push(dataDir);
  const native = way.startsWith('native');
  if (native && !nativeAddon()) throw new Error('the native ingest addon is not built (npm install builds it)');
  const { finalBreak, ...sizes } = layout;
  const tuning: IngestTuning = { ...sizes, native };
  const store = openStore(dataDir, tuning);
  const reports: IngestReport[] = [];
  for (const [i, lines] of files.entries()) {
    if (way.endsWith('-lines')) {
      reports.push(await store.ingestLines(index, lines, options));
    } else if (way.endsWith('-chunks')) {
      reports.push(await store.ingestBytes(index, chunked(asBytes(lines, finalBreak)), options));
    } else {
      const file = path.join(dataDir, `input-${i}.ndjson`);
      writeFileSync(file, asBytes(lines, finalBreak));
      reports.push(await store.ingestBytes(index, fileInput(file), options));
    }
  }
  return { ...(await readStored(dataDir, index)), reports };
}

/** Rows without their absent (null) columns: parts with other column sets compare alike. */
function present(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));
}

/** `got` stores what `want` stores; each of its parts is what the reference path would make of its rows. */
export function expectSameStored(got: Stored, want: Stored, partRows: number, label: string): void {
  expect(got.reports, `${label}: reports`).toEqual(want.reports);
  expect(got.mapping, `${label}: mapping`).toEqual(want.mapping);
  expect(got.multiValued, `${label}: multi-valued fields`).toEqual(want.multiValued);
  expect(present(got.parts.flatMap((p) => p.rows)), `${label}: rows`).toEqual(present(want.parts.flatMap((p) => p.rows)));
  const types = Object.assign({}, ...want.parts.map((p) => p.schema)) as Record<string, string>;
  for (const part of got.parts) {
    const rows = present(part.rows);
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    // as a part is summarised: a text or boolean @timestamp has no range
    const ranged = !['VARCHAR', 'BOOLEAN', undefined].includes(types['@timestamp']);
    const stamps = rows.flatMap((r) => (r['@timestamp'] === undefined || !ranged ? [] : [Number(r['@timestamp'])]));
    expect(rows.length).toBeLessThanOrEqual(partRows);
    // a part whose documents hold no value at all gets a placeholder column
    const named = columns.length ? columns : ['__row'];
    expect(part.info, `${label}: part summary`).toEqual({
      docCount: rows.length,
      columns: named,
      minTimestamp: stamps.length ? Math.min(...stamps) : null,
      maxTimestamp: stamps.length ? Math.max(...stamps) : null,
    });
    if (columns.length) expect(part.schema, `${label}: part schema`).toEqual(Object.fromEntries(columns.map((c) => [c, types[c]])));
    else expect(Object.keys(part.schema)).toEqual(named);
  }
}

/** Stored + rejected is every non-blank line read: nothing is lost silently. */
function expectAccounted(stored: Stored, files: string[][]): void {
  for (const [i, lines] of files.entries()) {
    const nonBlank = lines.filter((l) => l.trim() !== '').length;
    const { stored: n, rejected } = stored.reports[i];
    expect(n + rejected, `file ${i}: stored + rejected`).toBe(nonBlank);
  }
}

/**
 * Every path over `files`, compared with the reference path: string lines against the reference
 * over the same strings, bytes against the reference over the lines readline finds in them.
 * Returns what the reference stored from the lines.
 */
export async function expectAllPathsAgree(index: string, files: string[][], options: IngestOptions = {}, layout: Layout = {}, paths: IngestPath[] = ALL_PATHS): Promise<Stored> {
  const full: Layout = { batchLines: 7, partRows: 13, splitLines: 4, ...layout };
  const fromLines = await ingestAll('reference-lines', index, files, options, full);
  expectAccounted(fromLines, files);
  const read = files.map(asRead);
  const sameLines = read.every((lines, i) => lines.length === files[i].length);
  let fromBytes: Stored | undefined;
  if (!sameLines) {
    fromBytes = await ingestAll('reference-lines', index, read, options, full);
    expectAccounted(fromBytes, read);
  }
  for (const way of paths) {
    if (way === 'reference-lines') continue;
    const got = await ingestAll(way, index, files, options, full);
    expectSameStored(got, way.endsWith('-lines') ? fromLines : (fromBytes ?? fromLines), full.partRows!, way);
  }
  return fromLines;
}
