/**
 * What a failed ingest leaves to clean up: its parts, written or half-written, under temp names or
 * already renamed by a commit that did not finish. The caller holds the index lock.
 */
import 'server-only';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { partPath } from './layout';
import { readManifest } from './manifest';
import type { WrittenPart } from './part-writer';

/**
 * Removes the parts of a failed ingest; false when the manifest already lists them (the failure
 * came after the commit put its manifest in place: the data is stored, and stays).
 */
export function discardWritten(dataDir: string, index: string, written: WrittenPart[]): boolean {
  let listed: Set<string>;
  try {
    listed = new Set(readManifest(dataDir, index)?.parts.map((p) => p.file) ?? []);
  } catch {
    listed = new Set();
  }
  if (written.some((p) => listed.has(p.info.file))) return false;
  for (const p of written) {
    rmSync(p.tmpPath, { force: true });
    rmSync(partPath(dataDir, index, p.info.file), { force: true });
  }
  return true;
}

/** Every `.tmp-` entry of the parts folder: the unfinished parts of whichever path failed. */
export function removeTemporaries(partsDir: string): void {
  let names: string[];
  try {
    names = readdirSync(partsDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith('.tmp-')) rmSync(path.join(partsDir, name), { force: true, recursive: true });
  }
}
