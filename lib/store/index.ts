/** The embedded event store (lib/store/types.ts): `openStore(dataDir)`. */
import 'server-only';
import { existsSync, rmSync } from 'node:fs';
import { formatDate } from './dates';
import { indexDir, isValidIndexName, manifestPath } from './layout';
import { lockIndex } from './lock';
import { readManifest } from './manifest';
import { ingestBytes, ingestItems, ingestLines, type IngestTuning } from './ingest';
import { docsToItems } from './ndjson';
import { existingIndices, snapshot } from './resolve';
import type { EventStore, IndexSummary } from './types';

export type { IngestTuning } from './ingest';

function summary(dataDir: string, name: string): IndexSummary | undefined {
  const m = readManifest(dataDir, name);
  if (!m) return undefined;
  let min: number | null = null;
  let max: number | null = null;
  let docCount = 0;
  for (const p of m.parts) {
    docCount += p.docCount;
    if (p.minTimestamp !== null && (min === null || p.minTimestamp < min)) min = p.minTimestamp;
    if (p.maxTimestamp !== null && (max === null || p.maxTimestamp > max)) max = p.maxTimestamp;
  }
  return {
    name,
    docCount,
    minTimestamp: min === null ? null : formatDate(min),
    maxTimestamp: max === null ? null : formatDate(max),
    partCount: m.parts.length,
  };
}

export function openStore(dataDir: string, tuning: IngestTuning = {}): EventStore {
  return {
    dataDir,
    async listIndices() {
      return existingIndices(dataDir).flatMap((n) => summary(dataDir, n) ?? []);
    },
    async resolve(patterns) {
      return snapshot(dataDir, patterns);
    },
    ingestLines(index, lines, options) {
      return ingestLines(dataDir, index, lines, options, tuning);
    },
    ingestBytes(index, input, options) {
      return ingestBytes(dataDir, index, input, options, tuning);
    },
    ingestDocuments(index, docs, options) {
      return ingestItems(dataDir, index, docsToItems(docs), options, tuning);
    },
    async deleteIndex(index) {
      // Deleting a missing index is a no-op: callers such as the demo use it to start afresh.
      if (!isValidIndexName(index)) throw new Error(`Invalid index name [${index}]`);
      if (!existsSync(indexDir(dataDir, index))) return;
      const lock = await lockIndex(indexDir(dataDir, index));
      try {
        // the manifest goes first so that readers stop seeing the index before its parts vanish
        rmSync(manifestPath(dataDir, index), { force: true });
        rmSync(indexDir(dataDir, index), { recursive: true, force: true });
      } finally {
        lock.release();
      }
    },
  };
}
