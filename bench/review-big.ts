/**
 * `tsx bench/review-big.ts`: a run of 1,000,000 findings (against one of 1,000,000 before it) in
 * the app state, then the run page's and the week's server work timed in-process: the whole call
 * and every SQL statement it runs (the slowest one of each call is what blocks other requests).
 * First seen goes to the backend (here an empty embedded store, which answers at once): it is
 * not app-state work. BENCH_REVIEW_FINDINGS (default 1,000,000) and BENCH_RUNS (default 5) override.
 * Figures go to stdout and bench/results/review-big-latest.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppDatabase } from '../lib/appstate/database';
import { addAllowEntry } from '../lib/appstate/allow-list';
import { seedBigRuns } from '../lib/review/testing/big-run';
import { summarizeWeek } from '../lib/review/week';
import { weekOfMonday } from '../lib/review/week-bounds';
import { weekMarkdown } from '../lib/review/week-markdown';
import { serverAppState } from '../lib/server/process/app-state';
import { reviewRun } from '../lib/server/views/run-review';
import { median } from './timing';

const findings = Number(process.env.BENCH_REVIEW_FINDINGS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const NOW = '2026-01-08T12:00:00.000Z';

/** The slowest execution of any one statement since the last reset, with its SQL. */
const slowest = { ms: 0, sql: '' };

/** Times every statement the connection prepares from now on (run, get, all, iterate). */
function timeStatements(db: AppDatabase): void {
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    for (const method of ['run', 'get', 'all'] as const) {
      const call = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      Object.defineProperty(statement, method, {
        value: (...args: unknown[]) => {
          const t0 = performance.now();
          try {
            return call(...args);
          } finally {
            const ms = performance.now() - t0;
            if (ms > slowest.ms) Object.assign(slowest, { ms, sql: sql.replace(/\s+/g, ' ').slice(0, 140) });
          }
        },
      });
    }
    return statement;
  }) as typeof db.prepare;
}

async function measure(label: string, fn: () => Promise<unknown> | unknown): Promise<string> {
  const times: number[] = [];
  let worstStatement = { ms: 0, sql: '' };
  for (let i = 0; i < runs; i++) {
    Object.assign(slowest, { ms: 0, sql: '' });
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    if (slowest.ms > worstStatement.ms) worstStatement = { ...slowest };
  }
  const line = `| ${label} | ${median(times).toFixed(1)} | ${Math.max(...times).toFixed(1)} | ${worstStatement.ms.toFixed(1)} | \`${worstStatement.sql}\` |`;
  console.log(line);
  return line;
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-review-bench-'));
  process.env.HUNTBOARD_DATA_DIR = dir;
  process.env.HUNTBOARD_NOW = NOW;
  process.env.HUNTBOARD_HUNTS_DIR = '';
  delete process.env.ELASTICSEARCH_URL;
  delete process.env.ELASTICSEARCH_CLOUD_ID;
  try {
    const db = serverAppState();
    const big = seedBigRuns(db, findings, 1_000);
    const saved = `Saved two runs of ${findings.toLocaleString('en')} findings (rows, keys and diff, one transaction each): ${(big.timings.saveLastWeekMs / 1000).toFixed(1)} s and ${(big.timings.saveThisWeekMs / 1000).toFixed(1)} s.`;
    console.log(saved);
    addAllowEntry(db, { processName: 'proc-00000003', agentId: null, huntId: null, owner: 'lead', reason: 'bench', createdAt: NOW, expiresAt: '2026-02-01T00:00:00.000Z' });
    addAllowEntry(db, { processName: 'proc-00500000', agentId: 'agent-1', huntId: null, owner: 'lead', reason: 'bench', createdAt: NOW, expiresAt: '2026-02-01T00:00:00.000Z' });
    timeStatements(db);
    const week = weekOfMonday('2026-01-05');
    if (!week.ok) throw new Error(week.message);
    const lines = [
      '| call | median ms | max ms | slowest statement ms | that statement |',
      '|---|---:|---:|---:|---|',
      await measure('run page 1 (all)', () => reviewRun(big.thisWeek)),
      // 1.25M findings in all: the middle page is the longest walk (the back half is read from the end).
      await measure('run page 6,250 (all, the middle: deepest offset)', () => reviewRun(big.thisWeek, { filter: 'all', page: 6_250 })),
      await measure('run page 12,500 (last)', () => reviewRun(big.thisWeek, { filter: 'all', page: 12_500 })),
      await measure('run page 1, gone', () => reviewRun(big.thisWeek, { filter: 'gone', page: 1 })),
      await measure('run page 1, hidden by the allow-list', () => reviewRun(big.thisWeek, { filter: 'hidden', page: 1 })),
      await measure('the week (summary)', () => summarizeWeek(db, week.week, [])),
      await measure('the week as Markdown', () => weekMarkdown(summarizeWeek(db, week.week, []))),
    ];
    const report = [`# Run review and week on a ${findings.toLocaleString('en')}-finding run`, '', saved, '', `Each call ${runs} times, in-process (no HTTP); node ${process.version}.`, '', ...lines, ''].join('\n');
    mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    writeFileSync(path.join(__dirname, 'results', 'review-big-latest.md'), report);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
