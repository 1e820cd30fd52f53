/**
 * A small event store for Explore's tests: `logs-net` (network events over a week ending at NOW,
 * with @timestamp) and `assets` (an inventory with no @timestamp), served by the embedded engine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmbeddedEngine } from '../../engine';
import type { EmbeddedEngine } from '../../engine/types';
import { openStore } from '../../store';

export const NOW = new Date('2026-01-08T12:00:00.000Z');

const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

/** Events at 1 h, 30 h, 100 h and 200 h before NOW: 24 h sees one, 7 d three, all data four. */
export const NET_EVENTS = [
  { '@timestamp': hoursAgo(1), 'host.name': 'web-1', 'destination.ip': '203.0.113.9', 'process.name': 'curl', 'event.id': 'e1' },
  { '@timestamp': hoursAgo(30), 'host.name': 'web-2', 'destination.ip': '203.0.113.9', 'process.name': 'сurl', 'event.id': 'e2' },
  { '@timestamp': hoursAgo(100), 'host.name': 'db-1', 'destination.ip': '198.51.100.7', 'process.name': 'ssh', 'event.id': 'e3' },
  { '@timestamp': hoursAgo(200), 'host.name': 'db-1', 'destination.ip': '198.51.100.7', 'process.name': 'ssh', 'event.id': 'e4' },
];

export const ASSETS = [
  { 'host.name': 'web-1', owner: 'web team' },
  { 'host.name': 'db-1', owner: 'dba' },
];

export interface ExploreStore {
  dataDir: string;
  engine: EmbeddedEngine;
  close(): Promise<void>;
}

export async function exploreStore(): Promise<ExploreStore> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-explore-'));
  const store = openStore(dataDir);
  await store.ingestDocuments('logs-net', NET_EVENTS);
  await store.ingestDocuments('assets', ASSETS);
  const engine = createEmbeddedEngine({ dataDir, now: () => NOW });
  return {
    dataDir,
    engine,
    close: async () => {
      await engine.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
