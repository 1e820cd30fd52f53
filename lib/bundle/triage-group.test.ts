import { describe, expect, it } from 'vitest';
import type { TriageHistoryEntry } from '../model/triage';
import type { BundleRun, BundleTriage } from './format';
import { bundleTriageGroups, groupBundleTriage } from './triage-group';
import { findingKeyOf } from './triage-merge';

const ALL = 'FROM logs-* | STATS c = COUNT(*) BY process.name';
const ROOT = 'FROM logs-* | WHERE user.id == "0" | STATS c = COUNT(*) BY process.name';
const AGENT = 'FROM logs-* | STATS c = COUNT(*) BY agent.id';

const run = (huntId: string, queryNumber: number, queryText: string, startedAt = '2026-01-05T06:00:00.000Z') => ({ huntId, queryNumber, queryText, startedAt }) as BundleRun;
const state = (queryNumber: number, status: BundleTriage['status'], updatedAt: string, version: number, findingKey = '["sshd"]'): BundleTriage => ({
  huntId: 'h',
  queryNumber,
  findingKey,
  status,
  assignee: null,
  note: status,
  version,
  updatedAt,
  updatedBy: 'ann',
});
const entry = (at: string, toStatus: TriageHistoryEntry['toStatus']): TriageHistoryEntry => ({ at, who: 'ann', fromStatus: null, toStatus, fromAssignee: null, toAssignee: null, note: '' });

describe('a bundle’s triage in triage groups', () => {
  it('groups the bundle’s queries by their runs’ keys, per hunt', () => {
    const groupOf = bundleTriageGroups([run('h', 1, ALL), run('h', 2, ROOT), run('h', 3, AGENT), run('k', 2, ROOT)]);
    expect([groupOf('h', 1), groupOf('h', 2), groupOf('h', 3), groupOf('k', 2), groupOf('z', 4)]).toEqual([1, 1, 3, 2, 4]);
  });

  it('merges an older bundle’s per-query states of one finding: the later wins with a version above both, histories whole in time order', () => {
    const groupOf = bundleTriageGroups([run('h', 1, ALL), run('h', 2, ROOT)]);
    const histories = new Map([
      [findingKeyOf(state(1, 'suspicious', '', 0)), [entry('2026-01-06T09:00:00.000Z', 'investigating'), entry('2026-01-06T10:00:00.000Z', 'suspicious')]],
      [findingKeyOf(state(2, 'escalated', '', 0)), [entry('2026-01-05T12:00:00.000Z', 'investigating'), entry('2026-01-07T09:00:00.000Z', 'escalated')]],
    ]);
    const grouped = groupBundleTriage(
      [state(1, 'suspicious', '2026-01-06T10:00:00.000Z', 2), state(2, 'escalated', '2026-01-07T09:00:00.000Z', 2), state(2, 'benign', '2026-01-06T08:00:00.000Z', 1, '["nc"]')],
      (s) => histories.get(findingKeyOf(s)) ?? [],
      groupOf,
    );
    expect(grouped.states.map((s) => [s.queryNumber, s.findingKey, s.status, s.version])).toEqual([
      [1, '["sshd"]', 'escalated', 3],
      [1, '["nc"]', 'benign', 1],
    ]);
    expect(grouped.historyOf(grouped.states[0]).map((e) => [e.at, e.toStatus])).toEqual([
      ['2026-01-05T12:00:00.000Z', 'investigating'],
      ['2026-01-06T09:00:00.000Z', 'investigating'],
      ['2026-01-06T10:00:00.000Z', 'suspicious'],
      ['2026-01-07T09:00:00.000Z', 'escalated'],
    ]);
    expect(grouped.historyOf(grouped.states[1])).toEqual([]);
  });
});
