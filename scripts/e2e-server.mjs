#!/usr/bin/env node
// The server the Playwright tests run against: a fixture store (the demo world at a small scale,
// with now pinned) in a fresh temp directory, served by the production build.
import { spawnSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-e2e-'));
// Extra hunts: fixtures such as a hunt with a broken query.
const env = { ...process.env, HUNTBOARD_DATA_DIR: dataDir, HUNTBOARD_HUNTS_DIR: path.join(root, 'e2e/hunts') };
delete env.ELASTICSEARCH_URL;
delete env.ELASTICSEARCH_CLOUD_ID;

const demo = spawnSync(
  process.execPath,
  [path.join(root, 'bin/huntboard.mjs'), 'demo', '--now', env.HUNTBOARD_NOW, '--scale', process.env.E2E_SCALE || '0.2', '--weeks', '2'],
  { cwd: root, env, stdio: 'inherit' },
);
if (demo.status !== 0) process.exit(demo.status ?? 1);

// A review run of the seed hunt the week before (Thursday 2026-01-01, as `hunts run --save` would
// have saved it then), so the lead's week has a past week of its own (e2e/week.spec.ts).
const earlier = spawnSync(
  process.execPath,
  [path.join(root, 'bin/huntboard.mjs'), 'hunts', 'run', 'low_volume_external_network_connections_from_process', '--save', '--now', '2026-01-01T12:00:00.000Z', '--format', 'csv'],
  { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] },
);
if (earlier.status !== 0) process.exit(earlier.status ?? 1);

// An agent whose clock runs an hour ahead: its process's only event is after the run's now, in an
// index only the clock-skew fixture hunt reads (e2e/hunts), so the seed hunt's counts stay the demo's.
const skewed = {
  '@timestamp': new Date(Date.parse(env.HUNTBOARD_NOW) + 3_600_000).toISOString(),
  agent: { id: 'agent-skewed-01' },
  host: { name: 'edge-skewed-01', os: { type: 'linux' } },
  event: { category: 'network', type: 'start', action: 'connection_attempted', id: 'skewed-event-1' },
  process: { name: 'ntpd-drift', pid: 4242, executable: '/usr/sbin/ntpd-drift' },
  destination: { ip: '45.9.148.200', port: 123 },
};
// A network event with no event.id, eight days back (outside the clock-skew hunt's window): the
// full-event fixture hunt's one finding, whose flyout must fetch it by _index + _id.
const noEventId = {
  '@timestamp': new Date(Date.parse(env.HUNTBOARD_NOW) - 8 * 86_400_000).toISOString(),
  agent: { id: 'agent-probe-01' },
  host: { name: 'probe-host-01', os: { type: 'linux', family: 'debian' } },
  event: { category: ['network'], type: ['start', 'connection'], action: 'connection_attempted', kind: 'event' },
  network: { direction: 'egress', transport: 'tcp' },
  process: { name: 'fullevent-probe', pid: 4343, executable: '/opt/probe/fullevent-probe' },
  source: { ip: '10.20.0.5', port: 40022 },
  destination: { ip: '198.51.100.23', port: 8443 },
  user: { name: 'probe' },
};
const ingest = spawnSync(process.execPath, [path.join(root, 'bin/huntboard.mjs'), 'ingest', '--index', 'logs-clockskew-default', '-'], {
  cwd: root,
  env,
  input: `${JSON.stringify(skewed)}\n${JSON.stringify(noEventId)}\n`,
  stdio: ['pipe', 'inherit', 'inherit'],
});
if (ingest.status !== 0) process.exit(ingest.status ?? 1);

// E2E_ACCOUNTS=name:role,…: accounts made the way an admin makes them, password on stdin.
for (const account of (process.env.E2E_ACCOUNTS || '').split(',').filter(Boolean)) {
  const [name, role] = account.split(':');
  const added = spawnSync(process.execPath, [path.join(root, 'bin/huntboard.mjs'), 'users', 'add', name, '--role', role], {
    cwd: root,
    env,
    input: `${process.env.E2E_ACCOUNTS_PASSWORD}\n`,
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  if (added.status !== 0) process.exit(added.status ?? 1);
}

// E2E_BIG_BUNDLE=N: a bundle holding a run of N findings, imported as a lead would (playwright.big.config.ts).
if (process.env.E2E_BIG_BUNDLE) {
  const file = path.join(dataDir, 'big.huntboard.gz');
  const steps = [
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/big-bundle.ts'), file, process.env.E2E_BIG_BUNDLE],
    [path.join(root, 'bin/huntboard.mjs'), 'bundle', 'import', file],
  ];
  for (const args of steps) {
    const done = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    if (done.status !== 0) process.exit(done.status ?? 1);
  }
}

// Served the way `npm start` serves (scripts/serve.mjs), on loopback whatever the mode.
const server = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs')], {
  cwd: root,
  env: { ...env, HUNTBOARD_HOST: '127.0.0.1', PORT: env.E2E_PORT || '3107' },
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
