/**
 * A seeded app state for the week tests: runs of two queries over two weeks (ok, truncated,
 * failed), triage with known times. The expected figures are worked out by hand in week.test.ts.
 */
import type { EsqlValue } from '../../model/esql';
import type { AppDatabase } from '../../appstate/database';
import { saveRun, type NewRun } from '../../appstate/runs';
import { updateTriage } from '../../appstate/triage';
import type { HuntRef } from '../week';

export const QUERY_TEXT = 'FROM logs-* | STATS c = COUNT(*) BY process.name';
/** When the summaries are taken: allow-list entries active then apply. */
export const NOW = '2026-11-29T04:45:00.000Z';
export const HOSTILE = 'evil|`x`<b>\n=cmd\u202e';

export const HUNTS: HuntRef[] = [
  { id: 'seed', name: 'Low volume connections', queries: [{ number: 1, label: 'All users' }, { number: 2, label: 'Root only' }] },
  { id: 'other', name: 'Other hunt', queries: [{ number: 1, label: 'Query 1' }] },
];

function ok(huntId: string, queryNumber: number, startedAt: string, rows: [number, string][], truncated = false): NewRun {
  return {
    huntId,
    queryNumber,
    queryText: QUERY_TEXT,
    params: [],
    window: { id: '7d' },
    backend: { kind: 'embedded', label: 'demo' },
    trigger: 'schedule',
    startedAt,
    durationMs: 10,
    status: 'ok',
    columns: [{ name: 'c', type: 'long' }, { name: 'process.name', type: 'keyword' }],
    values: rows as EsqlValue[][],
    warnings: [],
    truncated,
    isPartial: false,
  };
}

const key = (name: string) => JSON.stringify([name]);

function triage(db: AppDatabase, queryNumber: number, name: string, steps: { status: 'investigating' | 'benign' | 'suspicious' | 'escalated'; who: string; at: string }[]) {
  steps.forEach((s, i) => {
    const write = updateTriage(db, { huntId: 'seed', queryNumber, findingKey: key(name) }, { expectedVersion: i, status: s.status, who: s.who, at: s.at, assignee: s.who });
    if (!write.ok) throw new Error(`seed triage failed: ${JSON.stringify(write)}`);
  });
}

/** Week of 2026-11-16 (W1) and week of 2026-11-23 (W2). */
export function seedWeeks(db: AppDatabase): { ids: number[] } {
  const runs = [
    ok('seed', 1, '2026-11-17T06:00:00Z', [[3, 'sshd'], [1, 'kworkerds']]),
    ok('seed', 1, '2026-11-23T06:00:00Z', [[2, 'sshd'], [1, 'xmrig'], [1, HOSTILE]]),
    ok('seed', 1, '2026-11-25T10:00:00Z', [[2, 'sshd'], [1, 'xmrig'], [1, 'nc']], true),
    ok('seed', 2, '2026-11-23T06:00:00Z', [[1, 'xmrig']]),
    { ...ok('seed', 2, '2026-11-24T06:00:00Z', []), status: 'failed', error: { kind: 'unreachable', message: 'cluster down' } } as NewRun,
    ok('seed', 1, '2026-11-30T00:00:00Z', [[1, 'next-week']]),
  ];
  const ids = runs.map((r) => saveRun(db, r).id);
  triage(db, 1, 'sshd', [{ status: 'benign', who: 'bob', at: '2026-11-18T06:00:00Z' }]);
  triage(db, 1, 'xmrig', [
    { status: 'investigating', who: 'alice', at: '2026-11-23T09:00:00Z' },
    { status: 'escalated', who: 'bob', at: '2026-11-24T10:00:00Z' },
  ]);
  triage(db, 1, 'nc', [{ status: 'suspicious', who: 'alice', at: '2026-11-26T20:00:00Z' }]);
  triage(db, 1, HOSTILE, [{ status: 'benign', who: 'carol', at: '2026-11-23T07:00:00Z' }]);
  return { ids };
}
