/**
 * Two runs of the seed query with many findings each, saved through saveRun (so rows, keys and
 * the diff are stored as in production): last week's lists names [0, n), this week's [n/4, n/4 + n),
 * so this week has n/4 new, 3n/4 recurring and n/4 gone. Some findings are triaged. Shared by
 * the large-run test and the 1M-finding benchmark (bench/review-big.ts).
 */
import type { EsqlValue } from '../../model/esql';
import type { AppDatabase } from '../../appstate/database';
import { saveRun, type NewRun } from '../../appstate/runs';
import { updateTriage } from '../../appstate/triage';

export const BIG_HUNT = 'low_volume_external_network_connections_from_process';
export const BIG_TEXT = 'FROM logs-endpoint.events.network-* | STATS connection_count = COUNT(*), unique_agent_count = COUNT_DISTINCT(agent.id) BY process.name';
export const LAST_WEEK = { from: '2025-12-25T12:00:00.000Z', to: '2026-01-01T12:00:00.000Z' };
export const THIS_WEEK = { from: '2026-01-01T12:00:00.000Z', to: '2026-01-08T12:00:00.000Z' };

/** Sorts as its number does: the key order is the name order. */
export const bigName = (i: number) => `proc-${String(i).padStart(8, '0')}`;

function run(startedAt: string, window: { from: string; to: string }, first: number, count: number): NewRun {
  const values: EsqlValue[][] = [];
  for (let i = first; i < first + count; i++) values.push([(i % 5) + 1, 1, bigName(i)]);
  return {
    huntId: BIG_HUNT,
    queryNumber: 1,
    queryText: BIG_TEXT,
    params: [],
    window: { id: 'custom', ...window },
    backend: { kind: 'embedded', label: 'big-run fixture' },
    trigger: 'schedule',
    startedAt,
    durationMs: 1,
    status: 'ok',
    columns: [
      { name: 'connection_count', type: 'long' },
      { name: 'unique_agent_count', type: 'long' },
      { name: 'process.name', type: 'keyword' },
    ],
    values,
    warnings: [],
    truncated: false,
    isPartial: false,
  };
}

export interface BigRuns {
  lastWeek: number;
  thisWeek: number;
  expected: { new: number; recurring: number; gone: number };
  /** Findings of this week triaged (benign), by index: each is touched, so not untriaged. */
  triaged: number[];
  timings: { saveLastWeekMs: number; saveThisWeekMs: number };
}

export function seedBigRuns(db: AppDatabase, n: number, triaged = 50): BigRuns {
  const shift = Math.floor(n / 4);
  let t0 = performance.now();
  const lastWeek = saveRun(db, run('2026-01-01T06:00:00.000Z', LAST_WEEK, 0, n)).id;
  const saveLastWeekMs = performance.now() - t0;
  t0 = performance.now();
  const thisWeek = saveRun(db, run('2026-01-08T06:00:00.000Z', THIS_WEEK, shift, n)).id;
  const saveThisWeekMs = performance.now() - t0;
  // Spread over the recurring ones, so they land on many pages.
  const picked = Array.from({ length: Math.min(triaged, n - shift) }, (_, k) => shift + Math.floor((k * (n - shift)) / Math.max(1, triaged)));
  for (const i of picked) {
    const write = updateTriage(db, { huntId: BIG_HUNT, queryNumber: 1, findingKey: JSON.stringify([bigName(i)]) }, { expectedVersion: 0, status: 'benign', who: 'tester', at: '2026-01-08T07:00:00.000Z' });
    if (!write.ok) throw new Error(`seed triage failed: ${JSON.stringify(write)}`);
  }
  return { lastWeek, thisWeek, expected: { new: shift, recurring: n - shift, gone: shift }, triaged: picked, timings: { saveLastWeekMs, saveThisWeekMs } };
}
