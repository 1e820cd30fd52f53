/**
 * Cheap validity check of a Parquet part before a query reads it: a damaged part is skipped and
 * reported instead of failing every query over its index (issue 5: "reported and skipped, not
 * fatal"). Only the ends of the file are read; the verdict is cached per path, size and mtime,
 * because parts are immutable once committed and a query should not re-read every footer.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

const MAGIC = Buffer.from('PAR1');
/** `PAR1` + footer + 4-byte footer length + `PAR1`: anything shorter cannot be a Parquet file. */
const MIN_SIZE = 12;
/** Parts are many but small in number per store; the cache is dropped wholesale when it grows past this. */
const CACHE_LIMIT = 20_000;

type Verdict = { size: number; mtimeMs: number; problem: string | undefined };
const verdicts = new Map<string, Verdict>();

function inspect(file: string, size: number): string | undefined {
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

/** Why the part cannot be read (`part file is missing`, `… truncated`, `… bad magic`, `… corrupt footer`), or undefined. */
export function checkPart(file: string): string | undefined {
  let size: number;
  let mtimeMs: number;
  try {
    ({ size, mtimeMs } = statSync(file));
  } catch {
    verdicts.delete(file);
    return 'part file is missing';
  }
  const cached = verdicts.get(file);
  if (cached && cached.size === size && cached.mtimeMs === mtimeMs) return cached.problem;
  let problem: string | undefined;
  try {
    problem = inspect(file, size);
  } catch (e) {
    problem = `part file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'I/O error'})`;
  }
  if (verdicts.size >= CACHE_LIMIT) verdicts.clear();
  verdicts.set(file, { size, mtimeMs, problem });
  return problem;
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
