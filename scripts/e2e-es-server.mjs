#!/usr/bin/env node
// The server the Elasticsearch-backend Playwright run (playwright.es.config.ts) drives: a fake
// cluster (scripts/fake-cluster.mts: the embedded engine over the demo world, behind `_query` and
// an API key), then the production build pointed at it with ELASTICSEARCH_URL and
// ELASTICSEARCH_API_KEY. The data directory is empty: every answer has to come from the cluster.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiKey = process.env.E2E_ES_API_KEY || `hb-e2e-${randomBytes(16).toString('hex')}`;
const now = process.env.HUNTBOARD_NOW || '2026-01-08T12:00:00.000Z';
const emptyDataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-e2e-es-'));

const cluster = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/fake-cluster.mts')], {
  cwd: root,
  env: { ...process.env, HUNTBOARD_NOW: now, FAKE_ES_API_KEY: apiKey, FAKE_ES_SCALE: process.env.E2E_SCALE || '0.2' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let server;
let stopping = false;
const running = () => [server, cluster].filter((child) => child !== undefined && child.exitCode === null && child.signalCode === null);
const exited = (child) => new Promise((resolve) => child.once('exit', resolve));
// Waits for the children (at most 4 s, inside Playwright's graceful-shutdown window): the fake
// cluster deletes its demo store on SIGTERM, and exiting first would leave it behind.
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  const children = running();
  for (const child of children) child.kill('SIGTERM');
  await Promise.race([Promise.all(children.map(exited)), new Promise((resolve) => setTimeout(resolve, 4000))]);
  rmSync(emptyDataDir, { recursive: true, force: true });
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void shutdown(0));
cluster.on('exit', (code) => {
  if (stopping) return;
  console.error(`fake cluster exited (${code})`);
  void shutdown(code || 1);
});

const url = await new Promise((resolve) => {
  const lines = readline.createInterface({ input: cluster.stdout });
  lines.on('line', (line) => {
    const ready = /^READY (\S+)$/.exec(line);
    if (ready) resolve(ready[1]);
    else console.log(line);
  });
});

const env = {
  ...process.env,
  ELASTICSEARCH_URL: url,
  ELASTICSEARCH_API_KEY: apiKey,
  HUNTBOARD_DATA_DIR: emptyDataDir,
  HUNTBOARD_NOW: now,
};
for (const name of ['ELASTICSEARCH_CLOUD_ID', 'ELASTICSEARCH_USERNAME', 'ELASTICSEARCH_PASSWORD', 'HUNTBOARD_HUNTS_DIR', 'FAKE_ES_API_KEY', 'E2E_ES_API_KEY']) {
  delete env[name];
}
// Served the way `npm start` serves (scripts/serve.mjs), on loopback whatever the mode.
server = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs')], {
  cwd: root,
  env: { ...env, HUNTBOARD_HOST: '127.0.0.1', PORT: process.env.E2E_ES_PORT || '3108' },
  stdio: 'inherit',
});
server.on('exit', (code) => void shutdown(code ?? 0));
