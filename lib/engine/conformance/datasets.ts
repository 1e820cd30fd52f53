/**
 * Loads the suite's datasets (`datasets/<name>.ndjson` + `<name>.mapping.json`) into a fresh
 * store in a temp directory, through the store's public ingest API, as a user's data would arrive.
 */
import 'server-only';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../store';

export const DATASETS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'datasets');

export function datasetNames(): string[] {
  return readdirSync(DATASETS_DIR)
    .filter((f) => f.endsWith('.ndjson'))
    .map((f) => f.slice(0, -'.ndjson'.length))
    .sort();
}

export function readDataset(name: string): { docs: unknown[]; mapping: unknown } {
  const docs = readFileSync(path.join(DATASETS_DIR, `${name}.ndjson`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
  const mapping = JSON.parse(readFileSync(path.join(DATASETS_DIR, `${name}.mapping.json`), 'utf8')) as unknown;
  return { docs, mapping };
}

export function tempDataDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Ingests every dataset (or the named ones) into a new store under a temp dir; returns the dir. */
export async function loadDatasets(names: string[] = datasetNames(), dataDir = tempDataDir('huntboard-conformance-')): Promise<string> {
  const store = openStore(dataDir);
  for (const name of names) {
    const { docs, mapping } = readDataset(name);
    const report = await store.ingestDocuments(name, docs, { mapping });
    if (report.rejected > 0) {
      throw new Error(`dataset ${name}: ${report.rejected} documents rejected: ${report.rejections.map((r) => `line ${r.line}: ${r.reason}`).join('; ')}`);
    }
  }
  return dataDir;
}
