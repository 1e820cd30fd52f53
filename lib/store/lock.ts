/**
 * One writer per index across processes: a lock file created with O_EXCL holding the owner's pid.
 * A lock whose pid is no longer alive (a killed ingest) is stale and taken over.
 */
import 'server-only';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface IndexLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(file: string): boolean {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

function ownerOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export async function lockIndex(indexDirectory: string, timeoutMs = 60_000): Promise<IndexLock> {
  const file = path.join(indexDirectory, '.lock');
  const started = performance.now();
  for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
    if (tryCreate(file)) return { release: () => rmSync(file, { force: true }) };
    const owner = ownerOf(file);
    // an unreadable pid may be a lock being written right now: only a dead owner is stale
    if (owner !== undefined && owner !== process.pid && !isAlive(owner)) {
      rmSync(file, { force: true });
      continue;
    }
    if (performance.now() - started > timeoutMs) {
      throw new Error(`index [${path.basename(indexDirectory)}] is locked by another ingest (pid ${owner ?? 'unknown'})`);
    }
    await new Promise((r) => setTimeout(r, wait));
  }
}
