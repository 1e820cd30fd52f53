#!/usr/bin/env node
// Load test (issue 5): the production build over a ~1M-network-event demo store, hit by
// LOAD_USERS virtual analysts for LOAD_SECONDS, each walking hunt page → run → context →
// drill-down → one event. Then (issue 13) the same users again while one more user opens the
// largest run (LOAD_BIG_RUN findings, imported from a bundle before the start) and imports another
// bundle as big: the others' p95 must stay within 2× of the first phase's. Writes
// bench/results/load-latest.md; exits non-zero on any error or a p95 over 2×.
// It builds nothing: `.next` must exist (the build is the lead's job, and slow).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectLatency, HEAVY_KINDS, heavyUserReport, markdownReport, compareP95 } from './load-report.mjs';
import { startRssSampler } from './load-rss.mjs';
import { buildIsStale } from './build-freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USERS = Number(process.env.LOAD_USERS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
// 150k network events a week at scale 1 (lib/demo/traffic.ts): 6.67 ≈ 1M, as bench/run.ts does.
const SCALE = process.env.LOAD_SCALE ?? String(1_000_000 / 150_000);
const NOW = process.env.HUNTBOARD_NOW ?? '2026-01-08T12:00:00.000Z';
const HUNT = 'low_volume_external_network_connections_from_process';
const PLANTED = 'kworkerds';
const OUT = path.join(root, 'bench/results/load-latest.md');
const BIG_RUN = Number(process.env.LOAD_BIG_RUN ?? 1_000_000);

const buildId = path.join(root, '.next', 'BUILD_ID');
if (!existsSync(buildId)) {
  console.error('load-test: no production build (.next/BUILD_ID missing). Run `npm run build` first; this script builds nothing.');
  process.exit(2);
}

const buildStale = buildIsStale(root);
if (buildStale) console.warn('load-test: WARNING: .next is older than the sources; measuring the build as it is.');

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-load-'));
const statsFile = path.join(dataDir, 'single-flight.json');
let server;
let cleaned = false;
function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  // The server was started detached as its own group: this ends it and the workers it forked, nothing else.
  if (server?.pid && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}
process.on('exit', cleanUp);

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  HUNTBOARD_DATA_DIR: dataDir,
  HUNTBOARD_NOW: NOW,
  HUNTBOARD_SCHEDULE: 'off',
  HUNTBOARD_SINGLE_FLIGHT_STATS: statsFile,
};
delete env.ELASTICSEARCH_URL;
delete env.ELASTICSEARCH_CLOUD_ID;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base, deadlineMs) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not answer /api/health within 120 s');
}

// ---- one virtual analyst -------------------------------------------------------------------

/** Per-user cookie jar holding only the CSRF token, if the server hands one out. */
function csrfFrom(response, jar) {
  const cookies = response.headers.getSetCookie?.() ?? [];
  for (const cookie of cookies) {
    const match = /^huntboard_csrf=([^;]*)/.exec(cookie);
    if (match) jar.csrf = match[1];
  }
}

function postHeaders(base, jar) {
  const headers = { 'content-type': 'application/json', origin: base };
  if (jar.csrf) Object.assign(headers, { cookie: `huntboard_csrf=${jar.csrf}`, 'x-huntboard-csrf': jar.csrf });
  return headers;
}

/** One timed request; a non-2xx, an `ok: false` body or a network failure counts as an error. */
async function timed(stats, kind, url, init, jar) {
  const t0 = performance.now();
  try {
    const response = await fetch(url, init);
    const text = await response.text();
    const ms = performance.now() - t0;
    csrfFrom(response, jar);
    let body;
    if ((response.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
    const failed = !response.ok || body?.ok === false;
    stats.record(kind, ms, failed ? `${kind} ${response.status}: ${(body?.error?.message ?? text).slice(0, 160)}` : undefined);
    return failed ? undefined : (body ?? text);
  } catch (e) {
    stats.record(kind, performance.now() - t0, `${kind} network: ${e.message}`);
    return undefined;
  }
}

function recordsOf(result) {
  return result.values.map((row) => Object.fromEntries(result.columns.map((c, i) => [c.name, row[i]])));
}

async function analyst(base, user, stats, until) {
  const jar = {};
  const api = (n, step) => `${base}/api/hunts/${HUNT}/queries/${n}/${step}`;
  const post = (kind, url, body) => timed(stats, kind, url, { method: 'POST', headers: postHeaders(base, jar), body: JSON.stringify(body) }, jar);
  for (let loop = 0; Date.now() < until; loop++) {
    const n = (user + loop) % 2 === 0 ? 1 : 2;
    await timed(stats, 'page', `${base}/hunts/${HUNT}?q=${n}`, { headers: { accept: 'text/html' } }, jar);
    const run = await post('run', api(n, 'run'), {});
    if (!run) continue;
    const rows = recordsOf(run.result);
    await post('context', api(n, 'context'), { rows });
    const row = rows.find((r) => r['process.name'] === PLANTED) ?? rows[0];
    if (!row) continue;
    const key = run.keys.map((k) => row[k]);
    const events = await post('events', api(n, 'events'), { key });
    if (!events) continue;
    const idAt = events.result.columns.findIndex((c) => c.name === 'event.id');
    const picked = events.result.values[(user + loop) % Math.max(1, events.result.values.length)];
    if (idAt < 0 || !picked) {
      stats.record('event', 0, 'event: the drill-down returned no event.id to open');
      continue;
    }
    await post('event', api(n, 'event'), { key, eventId: String(picked[idAt]) });
  }
}

/** The heavy user: imports one big bundle, and meanwhile and after opens pages of the largest run. */
async function heavyUser(base, bigRunId, bundle, stats, until) {
  const jar = {};
  await timed(stats, 'run-page', `${base}/runs/${bigRunId}`, { headers: { accept: 'text/html' } }, jar);
  const imported = timed(
    stats,
    'import',
    `${base}/api/bundle/import`,
    { method: 'POST', headers: { ...postHeaders(base, jar), 'content-type': 'application/gzip', 'x-bundle-file-name': 'load-test.huntboard.gz' }, body: bundle },
    jar,
  );
  for (let page = 1; Date.now() < until; page++) {
    await timed(stats, 'run-page', `${base}/runs/${bigRunId}${page % 5 === 1 ? '' : `?page=${page % 5}`}`, { headers: { accept: 'text/html' } }, jar);
  }
  await imported;
}

/** A bundle of `findings` findings written by scripts/big-bundle.ts, its label making it a file of its own. */
function makeBundle(file, findings, label) {
  const made = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/big-bundle.ts'), file, String(findings), '0', label], { cwd: root, env, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`big-bundle failed: ${made.stderr || made.stdout}`);
}

/** The largest run in the app state (the imported one), read straight from SQLite. */
function largestRun() {
  const require = createRequire(import.meta.url);
  const Database = require('better-sqlite3');
  const db = new Database(path.join(dataDir, 'huntboard.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, row_count AS rows FROM runs ORDER BY row_count DESC, id LIMIT 1').get();
  } finally {
    db.close();
  }
}

async function phase(base, heavy) {
  const stats = collectLatency();
  const heavyStats = collectLatency(HEAVY_KINDS);
  const started = performance.now();
  const until = Date.now() + SECONDS * 1000;
  await Promise.all([
    ...Array.from({ length: USERS }, (_, user) => analyst(base, user, stats, until)),
    ...(heavy ? [heavyUser(base, heavy.runId, heavy.bundle, heavyStats, until)] : []),
  ]);
  return { stats, heavyStats, elapsedS: (performance.now() - started) / 1000 };
}

// ---- the run -------------------------------------------------------------------------------

function readFlightStats() {
  try {
    return JSON.parse(readFileSync(statsFile, 'utf8'));
  } catch {
    return undefined;
  }
}

async function main() {
  console.log(`load-test: writing the demo store (scale ${Number(SCALE).toFixed(3)}, now ${NOW}) in ${dataDir}…`);
  const t0 = Date.now();
  const demo = spawnSync(process.execPath, [path.join(root, 'bin/huntboard.mjs'), 'demo', '--scale', SCALE, '--now', NOW], { cwd: root, env, encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`huntboard demo failed: ${demo.stderr || demo.stdout}`);
  const networkEvents = /network[^:\n]*:\s*(\d+) stored/.exec(demo.stdout)?.[1];
  console.log(demo.stdout.trim());
  console.log(`load-test: demo store written in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

  console.log(`load-test: importing a bundle of ${BIG_RUN} findings (the largest run) and writing another to import under load…`);
  const first = path.join(dataDir, 'big-1.huntboard.gz');
  const second = path.join(dataDir, 'big-2.huntboard.gz');
  makeBundle(first, BIG_RUN, 'load test: largest run');
  makeBundle(second, BIG_RUN, 'load test: imported under load');
  const importedFirst = spawnSync(process.execPath, [path.join(root, 'bin/huntboard.mjs'), 'bundle', 'import', first], { cwd: root, env, encoding: 'utf8' });
  if (importedFirst.status !== 0) throw new Error(`bundle import failed: ${importedFirst.stderr || importedFirst.stdout}`);
  const big = largestRun();
  console.log(`load-test: the largest run is #${big.id} with ${big.rows} findings`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Served as `npm start` serves it (scripts/serve.mjs): Huntboard's own server in front of Next.
  server = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs')], {
    cwd: root,
    env: { ...env, HUNTBOARD_HOST: '127.0.0.1', PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHealth(base, 120_000);
  const rss = startRssSampler(server.pid, 500);
  const startRss = rss.current();

  // One walk-through first, unmeasured: compiles nothing (production) but warms DuckDB and the page cache.
  const warm = collectLatency();
  await analyst(base, 0, warm, Date.now() + 1);
  const flightBefore = readFlightStats();

  console.log(`load-test: ${USERS} users for ${SECONDS} s against ${base}…`);
  const { stats, elapsedS } = await phase(base, undefined);
  await new Promise((r) => setTimeout(r, 600)); // the server writes its counters 200 ms after the last execution
  const samples = rss.stop();
  const flightAfter = readFlightStats();

  console.log(`load-test: the same ${USERS} users for ${SECONDS} s with one more opening run #${big.id} and importing a bundle…`);
  const busyRss = startRssSampler(server.pid, 500);
  const busy = await phase(base, { runId: big.id, bundle: readFileSync(second) });
  const busySamples = busyRss.stop();

  const report = markdownReport({
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    users: USERS,
    seconds: SECONDS,
    elapsedS,
    networkEvents,
    scale: Number(SCALE),
    buildStale,
    stats,
    warmErrors: warm.errors(),
    rss: { start: startRss, end: samples.at(-1) ?? startRss, peak: Math.max(startRss, ...samples), count: samples.length },
    flight: flightAfter ? { calls: flightAfter.calls - (flightBefore?.calls ?? 0), executions: flightAfter.executions - (flightBefore?.executions ?? 0) } : undefined,
  });
  const heavyReport = heavyUserReport({
    users: USERS,
    seconds: SECONDS,
    bigRunFindings: big.rows,
    importFindings: BIG_RUN,
    quiet: stats,
    busy: busy.stats,
    heavy: busy.heavyStats,
    rss: { peak: Math.max(0, ...busySamples) },
  });
  const text = `${report}\n${heavyReport}`;
  console.log(text);
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, text);
  console.log(`load-test: written to ${path.relative(root, OUT)}`);
  const all = [...warm.errors(), ...stats.errors(), ...busy.stats.errors(), ...busy.heavyStats.errors()];
  if (all.length > 0) {
    console.error(`load-test: FAILED with ${all.length} error(s); first ones:`);
    for (const e of all.slice(0, 10)) console.error(`  ${e}`);
  }
  const { ok, ratio } = compareP95(stats, busy.stats);
  if (!ok) console.error(`load-test: FAILED: the others' p95 rose ${ratio.toFixed(2)}× with the heavy user`);
  return all.length === 0 && ok ? 0 : 1;
}

main().then(
  (code) => {
    cleanUp();
    process.exit(code);
  },
  (e) => {
    console.error(`load-test: ${e.message}`);
    cleanUp();
    process.exit(1);
  },
);
