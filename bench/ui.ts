/**
 * `npm run bench:ui` (also the second half of `npm run bench`): the dashboard's own costs, each
 * against the query's own time measured in-process on the embedded engine in the same run, on the
 * demo store `npm start` writes (150,000 network events) and on one of 1,000,000.
 * - Time to a usable table, in Chromium (bench/ui/usable.ts): the hunt page and the drill-down of
 *   the busiest process (10,000 events), from navigation start to the first row painted and
 *   hydrated; cold (a fresh browser's first visit, each page in a new tab, to a just-started
 *   server) and warm (median; one tab going from page to page, as an analyst does).
 * - Hunt page server time: the page's HTML, which carries the run's answer.
 * - The drill-down's events API alone, and the re-sort of 10,000 rows on a header click vs a plain
 *   Array.sort of the same count in the page.
 * BENCH_UI_EVENTS (network events, comma-separated; default 150000,1000000), BENCH_RUNS (default 5) and
 * BENCH_UI_PORT (default 3127) override.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { PLANTED, writeDemo } from '../lib/demo';
import { NETWORK_EVENTS_PER_WEEK } from '../lib/demo/traffic';
import { createEmbeddedEngine } from '../lib/engine';
import type { EsqlParams } from '../lib/model/esql';
import { openStore } from '../lib/store';
import { seedQueries } from './seed-queries';
import { median, time } from './timing';
import { openUsableTab, timeToUsableTable, type Usable } from './ui/usable';
import { writeUiResults, type StoreFigures, type UsableFigures } from './ui/results';
import { rawWriteHeaders } from '../e2e/support/csrf';

const NOW = '2026-01-08T12:00:00.000Z';
const HUNT = 'low_volume_external_network_connections_from_process';
const PORT = Number(process.env.BENCH_UI_PORT ?? 3127);
const BASE = `http://127.0.0.1:${PORT}`;
const root = path.resolve(__dirname, '..');
const sizes = (process.env.BENCH_UI_EVENTS ?? `${NETWORK_EVENTS_PER_WEEK},1000000`).split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const HUNT_ROW = '[role="tabpanel"] table tbody tr[data-row-index]';
const DRILL_ROW = '.events-workspace table tbody tr[data-row-index]';
/** Either page's first result row: one tab times both. */
const ANY_ROW = `${HUNT_ROW}, ${DRILL_ROW}`;

function startServer(dataDir: string): ChildProcess {
  const next = path.join(root, 'node_modules/next/dist/bin/next');
  if (!existsSync(path.join(root, '.next/BUILD_ID'))) {
    const built = spawnSync(process.execPath, [next, 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (built.status !== 0) throw new Error('next build failed');
  }
  const env: NodeJS.ProcessEnv = { ...process.env, HUNTBOARD_DATA_DIR: dataDir, HUNTBOARD_NOW: NOW, NEXT_TELEMETRY_DISABLED: '1' };
  delete env.ELASTICSEARCH_URL;
  delete env.ELASTICSEARCH_CLOUD_ID;
  return spawn(process.execPath, [next, 'start', '-H', '127.0.0.1', '-p', String(PORT)], { cwd: root, env, stdio: 'ignore' });
}

async function waitUp(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

interface Answer {
  ok: boolean;
  result?: { values: unknown[][] };
  effectiveQuery?: string;
  params?: EsqlParams;
  error?: { message: string };
}

const post = (url: string, body: unknown) =>
  fetch(`${BASE}${url}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...rawWriteHeaders(BASE) } }).then(async (r) => {
    const json = (await r.json()) as Answer;
    if (!json.ok) throw new Error(json.error?.message);
    return json;
  });

type Engine = ReturnType<typeof createEmbeddedEngine>;

/** The process with the most events the seed query's filters keep: the drill-down target with >= 10,000 events. */
async function busiestProcess(engine: Engine, seed: string): Promise<string> {
  const before = seed.slice(0, seed.indexOf('| stats'));
  const result = await engine.query({ query: `${before} | stats c = count(*) by process.name | sort c desc | limit 1` });
  if (!result.ok) throw new Error(result.error.message);
  return result.response.values[0][1] as string;
}

async function queryMs(engine: Engine, query: string, params?: EsqlParams): Promise<number> {
  const [ms, result] = await time(() => engine.query({ query, ...(params?.length ? { params } : {}) }));
  if (!result.ok) throw new Error(result.error.message);
  return ms;
}

function usableFigures(cold: Usable, coldQueryMs: number, warm: Usable[], warmQueryMs: number[]): UsableFigures {
  const usable = median(warm.map((u) => u.usableMs));
  const query = median(warmQueryMs);
  return {
    coldUsableMs: cold.usableMs,
    coldQueryMs,
    warmVisibleMs: median(warm.map((u) => u.visibleMs)),
    warmUsableMs: usable,
    warmQueryMs: query,
    ratio: usable / query,
    apiCalls: Math.max(cold.apiCalls, ...warm.map((u) => u.apiCalls)),
  };
}

async function measureStore(browser: Browser, networkEvents: number): Promise<StoreFigures> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-bench-ui-'));
  let server: ChildProcess | undefined;
  try {
    console.log(`demo world with ${networkEvents} network events…`);
    await writeDemo(openStore(dataDir), { now: new Date(NOW), scale: networkEvents / NETWORK_EVENTS_PER_WEEK });
    const engine = createEmbeddedEngine({ dataDir, now: () => new Date(NOW) });
    const queries = await seedQueries();
    const target = await busiestProcess(engine, queries.allUsers);
    server = startServer(dataDir);
    await waitUp();
    const huntUrl = `${BASE}/hunts/${HUNT}?q=1`;
    const drillUrl = (process: string) => `${BASE}/hunts/${HUNT}/events?q=1&window=30d&key=${encodeURIComponent(JSON.stringify([process]))}`;
    const eventsUrl = drillUrl(target);
    // What an analyst opens most: a planted finding's few events.
    const finding = PLANTED[0].name;
    const findingUrl = drillUrl(finding);

    // Cold: a fresh browser's first visit to each page of a server that has answered nothing else yet.
    const fresh = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const coldHunt = await timeToUsableTable(await openUsableTab(fresh, ANY_ROW), huntUrl);
    const coldHuntQuery = await queryMs(engine, queries.allUsers);
    const coldDrill = await timeToUsableTable(await openUsableTab(fresh, ANY_ROW), eventsUrl);
    const coldFinding = await timeToUsableTable(await openUsableTab(fresh, ANY_ROW), findingUrl);
    await fresh.close();
    const findingQuery = await post(`/api/hunts/${HUNT}/queries/1/events`, { window: { id: '30d' }, key: [finding] });
    const coldFindingQuery = await queryMs(engine, findingQuery.effectiveQuery!, findingQuery.params);
    const drillQuery = await post(`/api/hunts/${HUNT}/queries/1/events`, { window: { id: '30d' }, key: [target] });
    const coldDrillQuery = await queryMs(engine, drillQuery.effectiveQuery!, drillQuery.params);
    const eventCount = drillQuery.result?.values.length ?? 0;

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const warm = { hunt: [] as Usable[], huntQuery: [] as number[], drill: [] as Usable[], drillQuery: [] as number[], finding: [] as Usable[], findingQuery: [] as number[], api: [] as number[], resort: [] as number[], plainSort: [] as number[] };
    const tab = await openUsableTab(context, ANY_ROW);
    for (let i = 0; i <= runs; i++) {
      const hunt = await timeToUsableTable(tab, huntUrl);
      const huntQuery = await queryMs(engine, queries.allUsers);
      const drill = await timeToUsableTable(tab, eventsUrl);
      const drillQueryMs = await queryMs(engine, drillQuery.effectiveQuery!, drillQuery.params);
      const small = await timeToUsableTable(tab, findingUrl);
      const smallQueryMs = await queryMs(engine, findingQuery.effectiveQuery!, findingQuery.params);
      const [apiMs] = await time(() => post(`/api/hunts/${HUNT}/queries/1/events`, { window: { id: '30d' }, key: [target] }));
      const sorts = await resortTimes(context, eventsUrl, eventCount);
      if (i === 0) continue;
      warm.hunt.push(hunt);
      warm.huntQuery.push(huntQuery);
      warm.drill.push(drill);
      warm.drillQuery.push(drillQueryMs);
      warm.finding.push(small);
      warm.findingQuery.push(smallQueryMs);
      warm.api.push(apiMs);
      warm.resort.push(sorts.resortMs);
      warm.plainSort.push(sorts.plainMs);
    }
    await context.close();

    const page: StoreFigures['page'] = [];
    for (const [index, [name, text]] of Object.entries(queries).entries()) {
      const pageTimes: number[] = [];
      const engineTimes: number[] = [];
      for (let i = 0; i <= runs; i++) {
        const [ms] = await time(async () => {
          const html = await fetch(`${BASE}/hunts/${HUNT}?q=${index + 1}`);
          if (!html.ok) throw new Error(`hunt page answered ${html.status}`);
          await html.text();
        });
        const engineMs = await queryMs(engine, text);
        if (i > 0) {
          pageTimes.push(ms);
          engineTimes.push(engineMs);
        }
      }
      page.push({ query: name, pageMs: median(pageTimes), engineMs: median(engineTimes), ratio: median(pageTimes) / median(engineTimes) });
    }
    const drillHtml = await (await fetch(eventsUrl)).text();
    await engine.close();
    const figures: StoreFigures = {
      networkEvents,
      hunt: usableFigures(coldHunt, coldHuntQuery, warm.hunt, warm.huntQuery),
      drill: {
        ...usableFigures(coldDrill, coldDrillQuery, warm.drill, warm.drillQuery),
        process: target,
        events: eventCount,
        htmlBytes: Buffer.byteLength(drillHtml),
        eventsApiMs: median(warm.api),
        resortMs: median(warm.resort),
        plainSortMs: median(warm.plainSort),
      },
      finding: { ...usableFigures(coldFinding, coldFindingQuery, warm.finding, warm.findingQuery), process: finding, events: findingQuery.result?.values.length ?? 0 },
      page,
    };
    console.log(`  hunt page usable ${figures.hunt.warmUsableMs.toFixed(0)} ms (cold ${figures.hunt.coldUsableMs.toFixed(0)}) vs query ${figures.hunt.warmQueryMs.toFixed(0)} ms`);
    console.log(`  finding's drill-down usable ${figures.finding.warmUsableMs.toFixed(0)} ms vs query ${figures.finding.warmQueryMs.toFixed(0)} ms`);
    console.log(`  drill-down usable ${figures.drill.warmUsableMs.toFixed(0)} ms (cold ${figures.drill.coldUsableMs.toFixed(0)}) vs query ${figures.drill.warmQueryMs.toFixed(0)} ms`);
    return figures;
  } finally {
    server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Re-sort by destination.port, timed in the page from click to the repainted first row, and a plain sort of as many numbers. */
async function resortTimes(context: Awaited<ReturnType<Browser['newContext']>>, url: string, eventCount: number): Promise<{ resortMs: number; plainMs: number }> {
  const tab = await context.newPage();
  // The page settled first (its charts and later calls in): the click alone is timed.
  await tab.goto(url, { waitUntil: 'networkidle' });
  await tab.locator(DRILL_ROW).first().waitFor();
  await tab.waitForFunction((selector) => Object.keys(document.querySelector(selector) ?? {}).some((k) => k.startsWith('__reactProps$')), DRILL_ROW);
  const resortMs = await tab.evaluate(async () => {
    const header = [...document.querySelectorAll('.events-workspace thead th')].find((th) => th.textContent?.includes('destination.port'));
    const button = header?.querySelector('button') ?? header;
    if (!button) throw new Error('no destination.port header');
    const before = document.querySelector('.events-workspace tbody tr[data-row-index]')?.textContent;
    const t0 = performance.now();
    (button as HTMLElement).click();
    for (;;) {
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const now = document.querySelector('.events-workspace tbody tr[data-row-index]')?.textContent;
      if (now !== before || performance.now() - t0 > 10_000) return performance.now() - t0;
    }
  });
  const plainMs = await tab.evaluate((n) => {
    const values = Array.from({ length: n }, (_, i) => ({ port: (i * 7919) % 65536, row: i }));
    const t0 = performance.now();
    values.sort((a, b) => a.port - b.port);
    return performance.now() - t0;
  }, eventCount);
  await tab.close();
  return { resortMs, plainMs };
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const stores: StoreFigures[] = [];
    for (const size of sizes) stores.push(await measureStore(browser, size));
    writeUiResults(path.join(__dirname, 'results'), runs, stores);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
