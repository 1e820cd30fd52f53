/**
 * Damage the store's cheap pre-check cannot see (bit rot under unchanged file times, a part of a
 * manifest written before seals) shows up as DuckDB failing to read a part: "Out of buffer", a
 * Thrift or decompression error. Then the query's parts are judged one by one — by checksum where
 * commit recorded one, else by reading the part alone — and the query answers from the sound ones,
 * partial, naming the damaged ones (issue 13). Later queries skip those without reading them again
 * until the file changes (part-check.ts caches the verdict).
 */
import 'server-only';
import { DuckDBInstance } from '@duckdb/node-api';
import { markDamaged, verifyPart } from '../store/part-check';
import type { SourceSnapshot } from '../store/types';
import { redactPaths } from './redact-paths';
import { quoteString } from './sql';

export type DamagedPart = { file: string; reason: string };

/**
 * The error classes DuckDB's Parquet reader raises. A Conversion, Binder or Out of Range error
 * never comes of a damaged part; these classes also carry `error()`, a bad regex or strptime
 * format, so the class alone says nothing: the reader's own words below must be there too.
 */
const READER_CLASS = /^(?:Invalid|Invalid Input|INTERNAL) Error: /;
/**
 * The Parquet reader's words for bytes it could not decode: Thrift metadata ("TProtocolException:
 * Invalid data", "invalid TType", "don't know what type"), "Out of buffer", "Variable-length int
 * over 10 bytes", a codec failing ("Snappy decompression failure", "Failed to decompress GZIP
 * block"), "Parquet file is likely corrupted", "No magic bytes found", "Footer length error", "too
 * small to be a Parquet file", "Invalid string encoding found in Parquet file". `parquet` alone is
 * no sign (every query reads `read_parquet(` and every part is a `.parquet`): only next to such words.
 */
const READER_WORDS = new RegExp(
  [
    String.raw`\bthrift\b`,
    'TProtocol',
    'invalid TType',
    "don't know what type",
    'out of buffer',
    'variable-length int',
    String.raw`\bvarint\b`,
    String.raw`\bcorrupt`,
    'decompress',
    String.raw`\b(?:snappy|zstd|lz4|gzip|brotli)\b`,
    'magic bytes',
    'footer length',
    String.raw`(?<![.\w])parquet\b.{0,60}\b(?:invalid|corrupt|magic|footer|too small|truncated)`,
    String.raw`\b(?:invalid|corrupt|magic|footer|too small|truncated)\b.{0,60}(?<![.\w])parquet\b`,
  ].join('|'),
  'i',
);
/** An IO Error about a file: one that could not be read, or vanished since the snapshot was taken. */
const IO_FILE = /^IO Error: .*\bfiles?\b/;
/** Quoted text in a message: a file's path, a user's string or pattern — never the reader's words. */
const QUOTED = /(^|[\s(=:,])(["'])(?:(?!\2).)*\2/g;

/**
 * Whether a failed query's DuckDB message tells of a part DuckDB could not decode or read, which
 * sets off findDamagedParts (a checksum of every sealed part, or a read of every unsealed one). Only
 * the first line counts: the rest is the SQL excerpt, with `read_parquet(` and the user's literals.
 */
export function looksLikeDamage(message: string): boolean {
  const first = message.split('\n', 1)[0].trim();
  if (IO_FILE.test(first)) return true;
  const cls = READER_CLASS.exec(first);
  return cls !== null && READER_WORDS.test(first.slice(cls[0].length).replace(QUOTED, '$1""'));
}

/**
 * Undefined if every row and column of the part decodes; else DuckDB's reason, without paths. On
 * an instance of its own: a part that trips an INTERNAL error invalidates the instance it was read
 * on, which must then neither judge the next part nor fail the engine's queries.
 */
async function readAlone(file: string, dataDir: string): Promise<string | undefined> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    // Hashing the whole row makes DuckDB decode every column of every row, and keeps nothing.
    await connection.run(`SELECT bit_xor(hash(t)) FROM read_parquet(${quoteString(file)}) AS t`);
    return undefined;
  } catch (e) {
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
    return `part file is damaged (reading it failed: ${redactPaths(first, dataDir)})`;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The snapshot's parts that are damaged; empty when the failure lies elsewhere. */
export async function findDamagedParts(snapshot: SourceSnapshot, dataDir: string, signal?: AbortSignal): Promise<DamagedPart[]> {
  const damaged: DamagedPart[] = [];
  for (const file of snapshot.partFiles) {
    if (signal?.aborted) break;
    const seal = snapshot.partSeals?.[file];
    let reason: string | undefined;
    if (seal?.sha256 !== undefined) {
      reason = verifyPart(file, seal);
    } else {
      reason = await readAlone(file, dataDir);
      if (reason) markDamaged(file, reason);
    }
    if (reason) damaged.push({ file, reason });
  }
  return damaged;
}

/** The snapshot without the damaged parts, which join the skipped ones. */
export function withoutParts(snapshot: SourceSnapshot, damaged: readonly DamagedPart[]): SourceSnapshot {
  const gone = new Set(damaged.map((d) => d.file));
  return { ...snapshot, partFiles: snapshot.partFiles.filter((f) => !gone.has(f)), skipped: [...snapshot.skipped, ...damaged] };
}
