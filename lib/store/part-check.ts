/**
 * Validity of a Parquet part before a query reads it: a damaged part is skipped and reported
 * instead of failing every query over its index, or worse, answering with wrong values (issues 5
 * and 13). Commit records each part's size, mtime, ctime and SHA-256 (its seal, sealPart); a
 * query checks the file's ends and its size, and reads the whole file for its checksum only when
 * the file was touched: an mtime or ctime other than the sealed ones (ctime moves even when a
 * tool puts mtime back), or any change since this process last looked. The times only decide
 * whether to read; the checksum decides the verdict, so a copied store is re-read once, never
 * refused. The verdict is cached per path, size, mtime, ctime and inode, because parts are
 * immutable once committed and a query should not re-read every part. Parts of manifests written
 * before seals get the checks on their ends only.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { PartInfo } from './layout';

const MAGIC = Buffer.from('PAR1');
/** `PAR1` + footer + 4-byte footer length + `PAR1`: anything shorter cannot be a Parquet file. */
const MIN_SIZE = 12;
/** Parts are many but small in number per store; the cache is dropped wholesale when it grows past this. */
const CACHE_LIMIT = 20_000;
const CHUNK = 1 << 20;

/** What commit records of a part (layout.ts; all optional: older manifests have none of it). */
export type PartSeal = Pick<PartInfo, 'bytes' | 'mtimeMs' | 'ctimeMs' | 'sha256'>;

export const CHECKSUM_MISMATCH = 'part file is damaged (its checksum differs from the one recorded at commit)';

/** `hashed`: the checksum the whole file was compared with for this verdict (none: its ends and size only). */
type Verdict = { key: string; problem: string | undefined; hashed?: string };
const verdicts = new Map<string, Verdict>();

/** Anything that rewrites or replaces the file changes one of these (ctime even when mtime is put back). */
function statKey(s: Stats): string {
  return `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
}

function remember(file: string, key: string, problem: string | undefined, hashed?: string): string | undefined {
  if (verdicts.size >= CACHE_LIMIT) verdicts.clear();
  verdicts.set(file, { key, problem, hashed });
  return problem;
}

function digest(file: string): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      hash.update(n === CHUNK ? buf : buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** The seal fields of a manifest's part entry, those of the wrong type dropped (a hand-edited manifest). */
export function sealOf(part: PartSeal): PartSeal {
  const seal: PartSeal = {};
  if (Number.isSafeInteger(part.bytes)) seal.bytes = part.bytes;
  if (typeof part.mtimeMs === 'number' && Number.isFinite(part.mtimeMs)) seal.mtimeMs = part.mtimeMs;
  if (typeof part.ctimeMs === 'number' && Number.isFinite(part.ctimeMs)) seal.ctimeMs = part.ctimeMs;
  if (typeof part.sha256 === 'string' && /^[0-9a-f]{64}$/.test(part.sha256)) seal.sha256 = part.sha256;
  return seal;
}

/** The seal of a committed part (renamed into place: a rename moves ctime), for the manifest. */
export function sealPart(file: string): Required<PartSeal> {
  const sha256 = digest(file);
  const { size, mtimeMs, ctimeMs } = statSync(file);
  return { bytes: size, mtimeMs, ctimeMs, sha256 };
}

function inspectEnds(file: string, size: number): string | undefined {
  if (size < MIN_SIZE) return 'part file is truncated';
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const tail = Buffer.alloc(8);
    readSync(fd, head, 0, 4, 0);
    readSync(fd, tail, 0, 8, size - 8);
    if (!head.equals(MAGIC) || !tail.subarray(4).equals(MAGIC)) return 'part file is not a Parquet file (bad magic)';
    // The footer length must fit between the leading magic and the trailer, or the footer is garbage.
    const footerLength = tail.readUInt32LE(0);
    if (footerLength === 0 || footerLength > size - MIN_SIZE) return 'part file has a corrupt footer';
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function inspect(file: string, s: Stats, seal: PartSeal, readAll: boolean): string | undefined {
  try {
    const problem = inspectEnds(file, s.size);
    if (problem) return problem;
    if (seal.bytes !== undefined && s.size !== seal.bytes) return `part file has changed size (${s.size} bytes, ${seal.bytes} at commit)`;
    if (seal.sha256 !== undefined && readAll && digest(file) !== seal.sha256) return CHECKSUM_MISMATCH;
    return undefined;
  } catch (e) {
    return `part file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'I/O error'})`;
  }
}

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    verdicts.delete(file);
    return undefined;
  }
}

/**
 * Why the part cannot be read (`part file is missing`, `… truncated`, `… bad magic`, `… corrupt
 * footer`, `… changed size`, `… damaged`), or undefined. Cheap unless the file was touched.
 */
export function checkPart(file: string, seal: PartSeal = {}): string | undefined {
  const s = statOf(file);
  if (!s) return 'part file is missing';
  const key = statKey(s);
  const cached = verdicts.get(file);
  if (cached?.key === key) return cached.problem;
  // Times as sealed and never seen otherwise: trust the bytes. Touched since (a write, a copy, mtime
  // put back by hand, which still moves ctime): read them all.
  const touched = cached !== undefined || s.mtimeMs !== seal.mtimeMs || s.ctimeMs !== seal.ctimeMs;
  return remember(file, key, inspect(file, s, seal, touched), touched ? seal.sha256 : undefined);
}

/**
 * The full check, after DuckDB failed reading the part: the whole file against its checksum,
 * unless that was done already for the file as it is now (same size, times and inode) and the
 * same checksum. A verdict of the cheap check alone is not trusted. Parts without a checksum can
 * only be judged by reading them (the engine does that, then calls markDamaged).
 */
export function verifyPart(file: string, seal: PartSeal = {}): string | undefined {
  const s = statOf(file);
  if (!s) return 'part file is missing';
  const key = statKey(s);
  const cached = verdicts.get(file);
  if (cached?.key === key && seal.sha256 !== undefined && cached.hashed === seal.sha256) return cached.problem;
  return remember(file, key, inspect(file, s, seal, true), seal.sha256);
}

/** Records a part found unreadable some other way, so that later queries skip it until it changes. */
export function markDamaged(file: string, problem: string): void {
  const s = statOf(file);
  if (s) remember(file, statKey(s), problem);
}

/**
 * The response warning for each skipped part, naming the index and the part file (never the full
 * path: warnings reach the browser). Parts live at `<dataDir>/indices/<index>/parts/<file>`.
 */
export function skippedPartWarnings(skipped: readonly { file: string; reason: string }[]): string[] {
  return skipped.map(({ file, reason }) => {
    const index = path.basename(path.dirname(path.dirname(file)));
    return `part [${path.basename(file)}] of index [${index}] is unreadable and was skipped: ${reason}`;
  });
}
