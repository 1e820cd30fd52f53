#!/usr/bin/env -S npx tsx
// Test tooling: an Elasticsearch-speaking cluster on 127.0.0.1 whose `_query` is answered by the
// embedded engine over a demo world it writes itself (lib/backends/testing/engine-cluster.ts).
// Env: HUNTBOARD_NOW (required), FAKE_ES_API_KEY (required), FAKE_ES_PORT (default: any free
// port), FAKE_ES_VERSION (default 9.1.0), FAKE_ES_CLUSTER_NAME, FAKE_ES_SCALE (default 0.2),
// FAKE_ES_DATA_DIR (default: a fresh temp dir, removed on exit). Prints `READY <url>` when listening.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDemoCluster } from '../lib/backends/testing/engine-cluster.ts';

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) {
    console.error(`fake-cluster: ${name} must be set`);
    process.exit(2);
  }
  return value;
}

const now = new Date(required('HUNTBOARD_NOW'));
if (Number.isNaN(now.getTime())) {
  console.error('fake-cluster: HUNTBOARD_NOW is not an ISO-8601 timestamp');
  process.exit(2);
}
const apiKey = required('FAKE_ES_API_KEY');
const ownDir = process.env.FAKE_ES_DATA_DIR === undefined;
const dataDir = process.env.FAKE_ES_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'huntboard-fake-es-'));

const cluster = await startDemoCluster({
  dataDir,
  now,
  apiKey,
  scale: Number(process.env.FAKE_ES_SCALE || 0.2),
  ...(process.env.FAKE_ES_PORT ? { port: Number(process.env.FAKE_ES_PORT) } : {}),
  ...(process.env.FAKE_ES_VERSION ? { version: process.env.FAKE_ES_VERSION } : {}),
  ...(process.env.FAKE_ES_CLUSTER_NAME ? { clusterName: process.env.FAKE_ES_CLUSTER_NAME } : {}),
});
console.log(`READY ${cluster.url}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await cluster.close();
  if (ownDir) rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop());
