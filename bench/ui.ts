/**
 * `npm run bench:ui` (also the second half of `npm run bench`): the dashboard's own costs on the
 * 1M-event demo store, each against a baseline measured in the same run.
 * - Hunt page server time: the page's HTML plus its run API call, vs the same query run in-process
 *   on the embedded engine (the ratio is what HTTP, Next.js and the page add).
 * - Drill-down with 10,000 events, in Chromium: time to first rows vs the events API call alone,
 *   and the re-sort of 10,000 rows on a header click vs a plain Array.sort of the same values in the page.
 * BENCH_UI_EVENTS (network events, default 1,000,000) and BENCH_RUNS (default 5) override.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { writeDemo } from '../lib/demo';
import { NETWORK_EVENTS_PER_WEEK } from '../lib/demo/traffic';
import { createEmbeddedEngine } from '../lib/engine';
import { openStore } from '../lib/store';
import { seedQueries } from './seed-queries';
import { median, time } from './timing';
import { rawWriteHeaders } from '../e2e/support/csrf';

const NOW = '2026-01-08T12:00:00.000Z';
const HUNT = 'low_volume_external_network_connections_from_process';
const PORT = 3127;
const BASE = `http://127.0.0.1:${PORT}`;
const root = path.resolve(__dirname, '..');
const networkEvents = Number(process.env.BENCH_UI_EVENTS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);

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

const post = (url: string, body: unknown) =>
  fetch(`${BASE}${url}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...rawWriteHeaders(BASE) } }).then(async (r) => {
    const json = (await r.json()) as { ok: boolean; result?: { values: unknown[][] }; error?: { message: string } };
    if (!json.ok) throw new Error(json.error?.message);
    return json;
  });

/** The process with the most events the seed query's filters keep: the drill-down target with >= 10,000 events. */
async function busiestProcess(engine: ReturnType<typeof createEmbeddedEngine>, seed: string): Promise<string> {
  const before = seed.slice(0, seed.indexOf('| stats'));
  const result = await engine.query({ query: `${before} | stats c = count(*) by process.name | sort c desc | limit 1` });
  if (!result.ok) throw new Error(result.error.message);
  return result.response.values[0][1] as string;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-bench-ui-'));
  let server: ChildProcess | undefined;
  try {
    console.log(`demo world with ${networkEvents} network events…`);
    await writeDemo(openStore(dataDir), { now: new Date(NOW), scale: networkEvents / NETWORK_EVENTS_PER_WEEK });
    const engine = createEmbeddedEngine({ dataDir, now: () => new Date(NOW) });
    const queries = await seedQueries();
    server = startServer(dataDir);
    await waitUp();

    const page: { query: string; pageMs: number; engineMs: number; ratio: number }[] = [];
    for (const [index, [name, text]] of Object.entries(queries).entries()) {
      const n = index + 1;
      const pageTimes: number[] = [];
      const engineTimes: number[] = [];
      for (let i = 0; i <= runs; i++) {
        const [ms] = await time(async () => {
          const html = await fetch(`${BASE}/hunts/${HUNT}?q=${n}`);
          if (!html.ok) throw new Error(`hunt page answered ${html.status}`);
          await html.text();
          await post(`/api/hunts/${HUNT}/queries/${n}/run`, {});
        });
        const [engineMs, result] = await time(() => engine.query({ query: text }));
        if (!result.ok) throw new Error(result.error.message);
        if (i > 0) {
          pageTimes.push(ms);
          engineTimes.push(engineMs);
        }
      }
      page.push({ query: name, pageMs: median(pageTimes), engineMs: median(engineTimes), ratio: median(pageTimes) / median(engineTimes) });
      console.log(`  hunt page ${name}: ${median(pageTimes).toFixed(1)} ms vs engine alone ${median(engineTimes).toFixed(1)} ms`);
    }

    const target = await busiestProcess(engine, queries.allUsers);
    await engine.close();
    const eventsUrl = `/hunts/${HUNT}/events?q=1&window=30d&key=${encodeURIComponent(JSON.stringify([target]))}`;
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    const firstRows: number[] = [];
    const apiTimes: number[] = [];
    const resorts: number[] = [];
    const plainSorts: number[] = [];
    let eventCount = 0;
    for (let i = 0; i <= runs; i++) {
      const [apiMs, api] = await time(() => post(`/api/hunts/${HUNT}/queries/1/events`, { window: { id: '30d' }, key: [target] }));
      eventCount = api.result?.values.length ?? 0;
      const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const start = performance.now();
      await tab.goto(`${BASE}${eventsUrl}`);
      const firstRow = tab.locator('.events-workspace table tbody tr[data-row-index]').first();
      await firstRow.waitFor();
      const firstMs = performance.now() - start;
      // Re-sort by destination.port, timed in the page from click to the repainted first row.
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
      if (i > 0) {
        firstRows.push(firstMs);
        apiTimes.push(apiMs);
        resorts.push(resortMs);
        plainSorts.push(plainMs);
      }
    }
    await browser.close();
    const drill = {
      process: target,
      events: eventCount,
      firstRowsMs: median(firstRows),
      eventsApiMs: median(apiTimes),
      firstRowsRatio: median(firstRows) / median(apiTimes),
      resortMs: median(resorts),
      plainSortMs: median(plainSorts),
    };
    console.log(`  drill-down ${eventCount} events: first rows ${drill.firstRowsMs.toFixed(0)} ms (API alone ${drill.eventsApiMs.toFixed(0)} ms); re-sort ${drill.resortMs.toFixed(1)} ms (plain sort ${drill.plainSortMs.toFixed(1)} ms)`);
    writeResults({ networkEvents, page, drill });
  } finally {
    server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function writeResults(figures: { networkEvents: number; page: { query: string; pageMs: number; engineMs: number; ratio: number }[]; drill: Record<string, string | number> }): void {
  const dir = path.join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const date = new Date().toISOString();
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  writeFileSync(path.join(dir, 'ui-latest.json'), JSON.stringify({ date, machine, runs, ...figures }, null, 2) + '\n');
  const d = figures.drill as { process: string; events: number; firstRowsMs: number; eventsApiMs: number; firstRowsRatio: number; resortMs: number; plainSortMs: number };
  const lines = [
    `# UI benchmark ${date}`,
    '',
    `${machine}; ${figures.networkEvents} network events; median of ${runs} runs after one warm-up.`,
    '',
    '| hunt page (HTML + run API) | ms | engine alone ms | ratio |',
    '|---|---:|---:|---:|',
    ...figures.page.map((p) => `| ${p.query} | ${p.pageMs.toFixed(1)} | ${p.engineMs.toFixed(1)} | ${p.ratio.toFixed(2)}× |`),
    '',
    `Drill-down into \`${d.process}\` (${d.events} events, Chromium):`,
    '',
    '| measure | ms | baseline | baseline ms | ratio |',
    '|---|---:|---|---:|---:|',
    `| time to first rows | ${d.firstRowsMs.toFixed(0)} | events API call alone | ${d.eventsApiMs.toFixed(0)} | ${d.firstRowsRatio.toFixed(2)}× |`,
    `| re-sort on header click (to repaint) | ${d.resortMs.toFixed(1)} | Array.sort of ${d.events} numbers in the page | ${d.plainSortMs.toFixed(1)} | ${(d.resortMs / d.plainSortMs).toFixed(1)}× |`,
  ];
  writeFileSync(path.join(dir, 'ui-latest.md'), lines.join('\n') + '\n');
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
