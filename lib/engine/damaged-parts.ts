/**
 * Damage the store's cheap pre-check cannot see (bit rot under unchanged file times, a part of a
 * manifest written before seals) shows up as DuckDB failing to read a part: "Out of buffer", a
 * Thrift or decompression error. Then the query's parts are judged one by one — by checksum where
 * commit recorded one, else by reading the part alone — and the query answers from the sound ones,
 * partial, naming the damaged ones (issue 13). Later queries skip those without reading them again
 * until the file changes (part-check.ts caches the verdict).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { markDamaged, verifyPart } from '../store/part-check';
import type { SourceSnapshot } from '../store/types';
import { redactPaths } from './redact-paths';
import { quoteString } from './sql';

export type DamagedPart = { file: string; reason: string };

/** DuckDB's words for a file it could not decode or read (its error classes, and the Parquet reader's own). */
const DAMAGE = /\b(IO Error|Invalid Error|Invalid Input Error|INTERNAL Error)\b|parquet|thrift|TProtocol|out of buffer|corrupt|decompress|snappy|zstd|lz4|gzip|varint|variable-length int/i;

export function looksLikeDamage(message: string): boolean {
  return DAMAGE.test(message);
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
