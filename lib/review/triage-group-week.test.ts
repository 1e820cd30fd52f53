/**
 * The week counts a finding once per hunt, triage group and key: the seed hunt's "All users" and
 * "Root only" list the same processes (both BY process.name), so a process both list is one finding,
 * with one triage.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EsqlValue } from '../model/esql';
import { openAppState } from '../appstate/db';
import type { AppDatabase } from '../appstate/database';
import type { AllowEntry } from '../appstate/allow-list';
import { getRunHeader, saveRun, type NewRun, type OkRunHeader } from '../appstate/runs';
import { updateTriage } from '../appstate/triage';
import { timeToTriage, weekFindings } from './week-findings';

const TEXT = 'FROM logs-* | STATS c = COUNT(*) BY process.name';
const ROOT = 'FROM logs-* | WHERE user.id == "0" | STATS c = COUNT(*) BY process.name';
const BY_AGENT = 'FROM logs-* | STATS c = COUNT(*) BY agent.id';

function ok(huntId: string, queryNumber: number, triageQuery: number, queryText: string, key: string, names: string[], startedAt = '2026-11-23T06:00:00.000Z'): NewRun {
  return {
    huntId,
    queryNumber,
    triageQuery,
    queryText,
    params: [],
    window: { id: '7d' },
    backend: { kind: 'embedded', label: 'demo' },
    trigger: 'schedule',
    startedAt,
    durationMs: 1,
    status: 'ok',
    columns: [{ name: 'c', type: 'long' }, { name: key, type: 'keyword' }],
    values: names.map((n) => [1, n]) as EsqlValue[][],
    warnings: [],
    truncated: false,
    isPartial: false,
  };
}

const entry = (processName: string): AllowEntry => ({ id: 1, processName, agentId: null, huntId: null, owner: 'lou', reason: 'lab', createdAt: '2026-11-01T00:00:00.000Z', expiresAt: '2027-01-01T00:00:00.000Z', revokedAt: null });
const name = (huntId: string, queryNumber: number) => ({ huntId, huntName: huntId, queryNumber, queryLabel: `Query ${queryNumber}` });

let dir: string;
let db: AppDatabase;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-week-group-'));
  db = openAppState(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function latest(...runs: NewRun[]) {
  return runs.map((r) => {
    const run = getRunHeader(db, saveRun(db, r).id) as OkRunHeader;
    return { run, name: name(run.huntId, run.queryNumber) };
  });
}

describe('the week and triage groups', () => {
  it('counts and lists a process both queries of a group list once, with its one triage; the allow-list hides it once', () => {
    const week = latest(
      ok('seed', 1, 1, TEXT, 'process.name', ['sshd', 'xmrig', 'nc', 'curl']),
      ok('seed', 2, 1, ROOT, 'process.name', ['xmrig', 'nc', 'curl', 'socat']),
    );
    const w = updateTriage(db, { huntId: 'seed', queryNumber: 1, findingKey: '["xmrig"]' }, { expectedVersion: 0, status: 'escalated', who: 'ann', at: '2026-11-23T08:00:00.000Z' });
    expect(w.ok).toBe(true);
    const summary = weekFindings(db, week, () => [entry('curl')]);
    // sshd, xmrig, nc, socat: four findings, not seven; curl hidden once.
    expect(summary.findingCount).toBe(4);
    expect(summary.perDiffStatus).toEqual({ new: 4, recurring: 0 });
    expect(summary.suppressed).toBe(1);
    expect(summary.perTriageStatus).toMatchObject({ new: 3, escalated: 1 });
    expect(summary.untriagedCount).toBe(3);
    expect(summary.findings.map((f) => [f.queryNumber, f.key, f.triage])).toEqual([
      [1, '["nc"]', 'new'],
      [1, '["sshd"]', 'new'],
      [1, '["xmrig"]', 'escalated'],
      [2, '["socat"]', 'new'],
    ]);
    expect(summary.untriaged.map((f) => f.key)).toEqual(['["nc"]', '["sshd"]', '["socat"]']);
    expect(summary.findingRuns.map((r) => [r.queryNumber, r.findings, r.untriaged])).toEqual([
      [1, 3, 2],
      [2, 1, 1],
    ]);
    // Timed once: xmrig's first triage, two hours after the runs.
    expect(timeToTriage(db, [week.filter((l) => l.run.queryNumber === 1).map((l) => l.run), week.filter((l) => l.run.queryNumber === 2).map((l) => l.run)])).toEqual({ count: 1, medianHours: 2, maxHours: 2 });
  });

  it('keeps queries with other keys apart: same key text, another group, counted and triaged on its own', () => {
    const week = latest(ok('seed', 1, 1, TEXT, 'process.name', ['x1']), ok('seed', 3, 3, BY_AGENT, 'agent.id', ['x1']));
    updateTriage(db, { huntId: 'seed', queryNumber: 1, findingKey: '["x1"]' }, { expectedVersion: 0, status: 'benign', who: 'ann', at: '2026-11-23T08:00:00.000Z' });
    const summary = weekFindings(db, week, () => []);
    expect(summary.findingCount).toBe(2);
    expect(summary.findings.map((f) => [f.queryNumber, f.triage])).toEqual([
      [1, 'benign'],
      [3, 'new'],
    ]);
    expect(summary.untriagedCount).toBe(1);
  });

  it('counts and lists a process gone from both queries of a group once', () => {
    const lastWeek = '2026-11-16T06:00:00.000Z';
    saveRun(db, ok('seed', 1, 1, TEXT, 'process.name', ['sshd', 'beacon', 'miner'], lastWeek));
    saveRun(db, ok('seed', 2, 1, ROOT, 'process.name', ['beacon', 'miner', 'socat'], lastWeek));
    const week = latest(ok('seed', 1, 1, TEXT, 'process.name', ['sshd']), ok('seed', 2, 1, ROOT, 'process.name', ['socat']));
    const summary = weekFindings(db, week, () => [entry('miner')]);
    // beacon is gone from both queries: one finding gone; miner, hidden by the allow-list, is not listed.
    expect(summary.goneCount).toBe(1);
    expect(summary.gone.map((f) => [f.queryNumber, f.key])).toEqual([[1, '["beacon"]']]);
  });
});

