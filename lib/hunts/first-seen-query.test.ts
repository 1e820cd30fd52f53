import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemo } from '../demo';
import { createEmbeddedEngine } from '../engine';
import { parse } from '../esql';
import { SEED_ALL_USERS } from '../esql/testing';
import { openStore } from '../store';
import { buildFirstSeenQuery, firstSeenByName } from './first-seen-query';

const NOW = new Date('2026-01-08T12:00:00.000Z');
const WEEK_START = '2026-01-01T12:00:00.000Z';

describe('first seen over the lookback', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-first-seen-'));
    await writeDemo(openStore(dataDir), { now: NOW, scale: 0.05, weeks: 2 });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('builds one query over the hunt’s indices, names as params', () => {
    const parsed = parse(SEED_ALL_USERS);
    if (!parsed.ok) throw new Error('seed does not parse');
    const built = buildFirstSeenQuery(parsed.query, ['kworkerds', '<img src=x onerror=alert(1)>'], NOW);
    expect(built).toEqual({
      ok: true,
      text:
        'FROM logs-endpoint.events.network-*\n| WHERE @timestamp >= ?fs_from AND process.name IN (?f1, ?f2)\n' +
        '| STATS first_seen = MIN(@timestamp), last_seen = MAX(@timestamp), events = COUNT(@timestamp) BY process.name, agent.id\n| LIMIT 10000',
      params: [{ fs_from: '2025-12-09T12:00:00.000Z' }, { f1: 'kworkerds' }, { f2: '<img src=x onerror=alert(1)>' }],
    });
    expect(buildFirstSeenQuery(parsed.query, [], NOW)).toMatchObject({ ok: false });
  });

  it('looks back at least to the run’s window start, when the lookback is shorter than the window', () => {
    const parsed = parse(SEED_ALL_USERS);
    if (!parsed.ok) throw new Error('seed does not parse');
    const built = buildFirstSeenQuery(parsed.query, ['kworkerds'], NOW, 1, new Date(WEEK_START));
    expect(built).toMatchObject({ ok: true, params: [{ fs_from: WEEK_START }, { f1: 'kworkerds' }] });
  });

  it('marks a process first seen this week, and one seen the week before as not new', async () => {
    const parsed = parse(SEED_ALL_USERS);
    if (!parsed.ok) throw new Error('seed does not parse');
    const built = buildFirstSeenQuery(parsed.query, ['kworkerds', 'sshd-helper', 'update-notifier2'], NOW);
    if (!built.ok) throw new Error(built.reason);
    const engine = createEmbeddedEngine({ dataDir, now: () => NOW });
    const result = await engine.query({ query: built.text, params: built.params });
    await engine.close();
    if (!result.ok) throw new Error(result.error.message);
    const seen = firstSeenByName(result.response.columns, result.response.values, WEEK_START);
    expect(seen.get('sshd-helper')?.newThisWeek).toBe(true);
    expect(seen.get('kworkerds')?.newThisWeek).toBe(false);
    expect(seen.get('update-notifier2')?.newThisWeek).toBe(false);
    expect(seen.get('kworkerds')!.fleet! < WEEK_START).toBe(true);
    expect(Object.keys(seen.get('kworkerds')!.perAgent)).toHaveLength(1);
  });

  it('looks back from the run’s own end with no upper bound: a process whose events all came after it still has a first seen', async () => {
    const parsed = parse(SEED_ALL_USERS);
    if (!parsed.ok) throw new Error('seed does not parse');
    const built = buildFirstSeenQuery(parsed.query, ['kworkerds', 'sshd-helper'], new Date(WEEK_START));
    if (!built.ok) throw new Error(built.reason);
    expect(built.params[0]).toEqual({ fs_from: '2025-12-02T12:00:00.000Z' });
    const engine = createEmbeddedEngine({ dataDir, now: () => NOW });
    const result = await engine.query({ query: built.text, params: built.params });
    await engine.close();
    if (!result.ok) throw new Error(result.error.message);
    const seen = firstSeenByName(result.response.columns, result.response.values, '2025-12-25T12:00:00.000Z');
    // sshd-helper runs only in the week after WEEK_START: its first seen is its own first event.
    expect(seen.get('sshd-helper')!.fleet! > WEEK_START).toBe(true);
    expect(seen.get('kworkerds')!.fleet! <= WEEK_START).toBe(true);
  });
});
