import { describe, expect, it } from 'vitest';
import type { SavedRun } from '../appstate/runs';
import { queryHash } from '../appstate/runs';
import { findingKeyColumns } from '../esql';
import { diffRuns } from './diff';

const TEXT = 'FROM logs-* | STATS connection_count = COUNT(*), unique_agent_count = COUNT_DISTINCT(agent.id) BY process.name';
const columns = [
  { name: 'connection_count', type: 'long' },
  { name: 'unique_agent_count', type: 'long' },
  { name: 'process.name', type: 'keyword' },
];

let id = 0;
function run(values: (string | number | null)[][], text = TEXT): Extract<SavedRun, { status: 'ok' }> {
  id++;
  return {
    id,
    huntId: 'seed',
    queryNumber: 1,
    triageQuery: 1,
    queryText: text,
    queryHash: queryHash(text),
    params: [],
    window: { id: '7d' },
    backend: { kind: 'embedded', label: 't' },
    trigger: 'schedule',
    startedAt: new Date(Date.UTC(2026, 0, id * 7)).toISOString(),
    durationMs: 1,
    rowCount: values.length,
    status: 'ok',
    columns,
    values,
    warnings: [],
    truncated: false,
    isPartial: false,
  };
}

describe('diffRuns', () => {
  it('marks findings new, recurring (with the weeks seen) and gone, and lists changed counts', () => {
    const week1 = run([[3, 1, 'kworkerds'], [1, 1, 'xmrig-lite'], [2, 1, 'update-notifier2']]);
    const week2 = run([[3, 1, 'kworkerds'], [1, 1, 'update-notifier2']]);
    const week3 = run([[4, 1, 'kworkerds'], [2, 1, 'sshd-helper'], [1, 1, 'update-notifier2']]);
    const diff = diffRuns(week3, [week2, week1]);
    const by = Object.fromEntries(diff.map((d) => [d.keyValues['process.name'] as string, d]));
    expect(by.kworkerds).toMatchObject({ status: 'recurring', runsSeen: 3, changes: [{ column: 'connection_count', before: 3, after: 4 }] });
    expect(by['update-notifier2']).toMatchObject({ status: 'recurring', runsSeen: 3, changes: [] });
    expect(by['sshd-helper']).toMatchObject({ status: 'new', runsSeen: 1 });
    expect(by['xmrig-lite']).toBeUndefined();
    const gone = diffRuns(week2, [week1]).find((d) => d.status === 'gone');
    expect(gone).toMatchObject({ key: '["xmrig-lite"]', row: { connection_count: 1 } });
  });

  it('compares only runs of the same query text, and keys on every BY value including null', () => {
    const other = run([[3, 1, 'kworkerds']], `${TEXT} | LIMIT 5`);
    expect(diffRuns(run([[3, 1, 'kworkerds']]), [other])[0]).toMatchObject({ status: 'new', runsSeen: 1 });
    const two = 'FROM logs-* | STATS c = COUNT(*) BY host.name, process.name';
    expect(findingKeyColumns(two, ['c', 'host.name', 'process.name'])).toEqual(['host.name', 'process.name']);
    expect(findingKeyColumns('FROM logs-* | KEEP a', ['a'])).toEqual(['a']);
    const withNull = run([[1, 1, null]]);
    expect(diffRuns(withNull, [run([[2, 1, null]])])[0]).toMatchObject({ key: '[null]', status: 'recurring' });
  });
});
