/** Reading and replacing an index's manifest and mapping files (layout.ts). */
import 'server-only';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomic-file';
import { manifestPath, mappingPath, type IndexManifest } from './layout';

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** The index's manifest, or undefined if the index does not exist (yet). */
export function readManifest(dataDir: string, index: string): IndexManifest | undefined {
  const m = readJson(manifestPath(dataDir, index)) as IndexManifest | undefined;
  if (m === undefined) return undefined;
  if (m.formatVersion !== 1) {
    throw new Error(`index [${index}] has store format version ${String(m.formatVersion)}; this Huntboard reads version 1 only`);
  }
  return m;
}

export function writeManifest(dataDir: string, manifest: IndexManifest): void {
  writeFileAtomic(manifestPath(dataDir, manifest.index), JSON.stringify(manifest, null, 1) + '\n');
}

export function readMapping(dataDir: string, index: string): Record<string, unknown> | undefined {
  return readJson(mappingPath(dataDir, index)) as Record<string, unknown> | undefined;
}

export function writeMapping(dataDir: string, index: string, mapping: Record<string, unknown>): void {
  writeFileAtomic(mappingPath(dataDir, index), JSON.stringify(mapping, null, 1) + '\n');
}
