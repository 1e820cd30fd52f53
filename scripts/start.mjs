#!/usr/bin/env node
// `npm start`: from a fresh clone to a running dashboard in one command. With no cluster
// configured it creates the demo week in the embedded store on first start, builds the
// production bundle when it is missing or older than the sources, then serves it (scripts/serve.mjs).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsStale } from './build-freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { NEXT_TELEMETRY_DISABLED: '1', ...process.env };
const usesCluster = Boolean(env.ELASTICSEARCH_URL || env.ELASTICSEARCH_CLOUD_ID);
const dataDir = path.resolve(root, env.HUNTBOARD_DATA_DIR || 'data');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function storeIsEmpty() {
  const indices = path.join(dataDir, 'indices');
  return !existsSync(indices) || readdirSync(indices).length === 0;
}

if (!usesCluster && storeIsEmpty()) {
  console.log(`No cluster configured and no data in ${dataDir}: writing the demo week…`);
  run(process.execPath, [path.join(root, 'bin/huntboard.mjs'), 'demo']);
}

if (buildIsStale(root)) {
  run(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build']);
}

// Who may connect and where to listen are decided by the server itself, once, at its start
// (lib/server/process/serve.ts): a launcher that counted accounts here could disagree with a server that
// counted a moment later.
console.log(usesCluster ? 'Backend: Elasticsearch cluster.' : `Backend: embedded store ${dataDir}.`);
const server = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs')], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
