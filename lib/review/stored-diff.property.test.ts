/**
 * The stored diff (computed in SQL at save time, re-diffed when an earlier run arrives later) gives
 * exactly what diffRuns gives over the same runs: status, runs seen, key values, row and changes,
 * for runs saved in any order, with repeated keys, null keys, other query texts and failed runs.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrate } from '../appstate/db';
import { findingsPage, NOTHING_HIDDEN } from '../appstate/run-diff-read';
import { diffSummary } from '../appstate/run-diff';
import { earlierRuns, getRun, getRunHeader, saveRun, type NewRun } from '../appstate/runs';
import { fuzzRuns, fuzzSeed, fuzzTimeout } from '../testing/fuzz-runs';
import { DIFF_HISTORY, diffRuns } from './diff';
import { toFindingDiffs } from './run-page';

const TEXT = 'FROM logs-* | STATS c = COUNT(*) BY process.name';
const OTHER = `${TEXT} | LIMIT 5`;

const runArb = fc.record({
  other: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  day: fc.integer({ min: 0, max: 14 }),
  failed: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  rows: fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom('a', 'b', 'c', 'd', 'e', 'Z', null)), { maxLength: 8 }),
});

function newRun(r: { other: boolean; day: number; failed: boolean; rows: [number, string | null][] }): NewRun {
  const base = {
    huntId: 'h',
    queryNumber: 1,
    queryText: r.other ? OTHER : TEXT,
    params: [],
    window: { id: '7d' },
    backend: { kind: 'embedded' as const, label: 't' },
    trigger: 'cli' as const,
    startedAt: new Date(Date.UTC(2026, 0, 1 + r.day)).toISOString(),
    durationMs: 1,
  };
  if (r.failed) return { ...base, status: 'failed', error: { kind: 'x', message: 'down' } };
  return { ...base, status: 'ok', columns: [{ name: 'c', type: 'long' }, { name: 'process.name', type: 'keyword' }], values: r.rows, warnings: [], truncated: false, isPartial: false };
}

const order = { new: 0, recurring: 1, gone: 2 };
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('the stored diff', () => {
  it(
    'agrees with diffRuns for every run, whatever order the runs were saved in',
    () => {
      fc.assert(
        fc.property(fc.array(runArb, { minLength: 1, maxLength: 16 }), (runs) => {
          const db = new Database(':memory:');
          try {
            migrate(db);
            const ids = runs.map((r) => saveRun(db, newRun(r)).id);
            for (const id of ids) {
              const run = getRun(db, id)!;
              if (run.status !== 'ok') continue;
              const history = earlierRuns(db, run, DIFF_HISTORY);
              const expected = diffRuns(run, history).sort((a, b) => order[a.status] - order[b.status] || byKey(a.key, b.key));
              const summary = diffSummary(db, id)!;
              expect(summary.previousRunId).toBe(history[0]?.id ?? null);
              expect(summary.compared).toBe(history.length);
              const previous = summary.previousRunId === null ? undefined : getRunHeader(db, summary.previousRunId);
              const stored = findingsPage(db, id, { statuses: ['new', 'recurring', 'gone'], side: 'shown', hidden: NOTHING_HIDDEN, limit: 1000, offset: 0 });
              const actual = toFindingDiffs(db, run, previous?.status === 'ok' ? previous : undefined, stored);
              expect(actual).toEqual(expected);
              // Paged by 3, the back half read from the end: the same findings in the same order.
              const paged = [];
              for (let offset = 0; offset < stored.length; offset += 3) {
                paged.push(...findingsPage(db, id, { statuses: ['new', 'recurring', 'gone'], side: 'shown', hidden: NOTHING_HIDDEN, limit: 3, offset, total: stored.length }));
              }
              expect(paged).toEqual(stored);
              expect(summary.counts).toEqual({ new: expected.filter((f) => f.status === 'new').length, recurring: expected.filter((f) => f.status === 'recurring').length, gone: expected.filter((f) => f.status === 'gone').length });
            }
          } finally {
            db.close();
          }
        }),
        { numRuns: fuzzRuns(150), seed: fuzzSeed(7) },
      );
    },
    fuzzTimeout(20),
  );
});
