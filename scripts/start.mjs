#!/usr/bin/env node
// `npm start`: from a fresh clone to a running dashboard in one command. With no cluster
// configured it creates the demo week in the embedded store on first start, builds the
// production bundle when it is missing or older than the sources, then serves it.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
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

/** Accounts in the app state, without loading Huntboard's modules: a missing file or table is none. */
function accountCount() {
  const file = path.join(dataDir, 'huntboard.sqlite');
  if (!existsSync(file)) return 0;
  const require = createRequire(import.meta.url);
  const Database = require('better-sqlite3');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'").get();
    return table ? db.prepare('SELECT COUNT(*) AS n FROM users').get().n : 0;
  } finally {
    db.close();
  }
}

// With no account and no single sign-on proxy, nobody is asked who they are: then only this
// machine may connect, whatever HUNTBOARD_HOST says.
const singleUser = !env.HUNTBOARD_AUTH_PROXY_HEADER && accountCount() === 0;
if (singleUser && env.HUNTBOARD_HOST && !['127.0.0.1', 'localhost', '::1'].includes(env.HUNTBOARD_HOST)) {
  console.log(`HUNTBOARD_HOST=${env.HUNTBOARD_HOST} ignored: no account is configured (add one with \`huntboard users add NAME --role lead\`).`);
}
const host = singleUser ? '127.0.0.1' : env.HUNTBOARD_HOST || '0.0.0.0';
const port = env.PORT || '3000';
console.log(`Huntboard on http://${host}:${port} (${usesCluster ? 'Elasticsearch cluster' : `embedded store ${dataDir}`})`);
if (singleUser) console.log('Local single-user mode: listening on 127.0.0.1 only; every visitor is the local lead. Add accounts with `huntboard users add`.');
else console.log(env.HUNTBOARD_AUTH_PROXY_HEADER ? `Single sign-on through the ${env.HUNTBOARD_AUTH_PROXY_HEADER} header of the reverse proxy.` : 'Accounts: sign in at /signin.');
const server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-H', host, '-p', port], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
