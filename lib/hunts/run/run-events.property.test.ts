/**
 * Property: for every finding of a saved `COUNT(*) … BY` run, the run-scoped drill-down (its own
 * text, params and now) finds exactly as many events as the finding counts — over seeded random
 * fixtures with events after the run's now, exactly on the window's edges (now - 7 day, now), null
 * BY keys and a two-key BY, read back days later on a backend whose clock has moved on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppState } from '../../appstate/db';
import type { AppDatabase } from '../../appstate/database';
import type { SavedRun } from '../../appstate/runs';
import { createEmbeddedBackend } from '../../backends/embedded';
import type { Backend } from '../../backends/types';
import { ECS_NETWORK_FIELDS, SEED_ALL_USERS } from '../../esql/testing';
import type { EsqlValue } from '../../model/esql';
import { findingKeyColumns } from '../../esql';
import { openStore } from '../../store';
import { lcg } from '../../store/testing/events';
import { loadHuntText } from '../loader';
import { huntToml } from '../testing/fixtures';
import type { Hunt } from '../types';
import { runAndSave } from './record';
import { runFindingEvents } from './run-events';

const NOW = new Date('2026-01-08T12:00:00.000Z');
/** The review happens days later: a backend clock that would move a `now()` window. */
const LATER = new Date('2026-01-11T09:30:00.000Z');
const INDEX = 'logs-endpoint.events.network-default';
const SEEDS = [1, 7, 42, 2026];

/** The seed hunt with a second key and null process names let through: null keys, two-key BY. */
const TWO_KEYS = SEED_ALL_USERS.replace(' and not process.name is null', '').replace('by process.name', 'by process.name, user.name');

function mapping(): unknown {
  const root: Record<string, unknown> = {};
  for (const f of ECS_NETWORK_FIELDS) {
    const parts = f.name.split('.');
    let props = root;
    for (const part of parts.slice(0, -1)) props = ((props[part] ??= { properties: {} }) as { properties: Record<string, unknown> }).properties;
    props[parts[parts.length - 1]] = { type: f.type };
  }
  return { properties: root };
}

const HOUR = 36e5;
const DAY = 864e5;

/** Where an event falls against the run's window `@timestamp > now - 7 day` (no end bound). */
function timestampOf(rand: () => number): string {
  const r = rand();
  const t =
    r < 0.1 ? NOW.getTime() - 7 * DAY // exactly on the start: excluded by `>`
    : r < 0.2 ? NOW.getTime() // exactly now: included
    : r < 0.35 ? NOW.getTime() + 1 + Math.floor(rand() * 3 * HOUR) // after now (an agent's clock ahead): included
    : r < 0.45 ? NOW.getTime() - 7 * DAY - 1 - Math.floor(rand() * DAY) // just before the window
    : NOW.getTime() - Math.floor(rand() * 7 * DAY);
  return new Date(t).toISOString();
}

function fixture(seed: number): Record<string, unknown>[] {
  const rand = lcg(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const names = Array.from({ length: 14 }, (_, i) => `proc-${seed}-${i}`);
  const agentOf = new Map(names.map((n) => [n, `agent-${Math.floor(rand() * 4)}`]));
  return Array.from({ length: 60 }, (_, i) => {
    const name = rand() < 0.1 ? null : pick(names);
    const agent = name !== null && rand() > 0.15 ? agentOf.get(name)! : `agent-${Math.floor(rand() * 4)}`;
    const user = pick(['root', 'alice', null] as const);
    return {
      '@timestamp': timestampOf(rand),
      agent: { id: agent },
      host: { name: `host-${agent}`, os: { type: rand() < 0.95 ? 'linux' : 'windows' } },
      event: { category: 'network', type: rand() < 0.9 ? 'start' : 'end', action: 'connection_attempted' },
      process: { ...(name !== null ? { name } : {}), pid: 100 + i, entity_id: `e-${seed}-${i}` },
      destination: { ip: rand() < 0.85 ? `45.9.${Math.floor(rand() * 250)}.${1 + Math.floor(rand() * 250)}` : '10.0.0.5', port: 443 },
      user: { id: user === 'root' ? '0' : '1000', ...(user !== null ? { name: user } : {}) },
    };
  });
}

function huntOf(): Hunt {
  const loaded = loadHuntText(huntToml({ queries: [SEED_ALL_USERS, TWO_KEYS] }), { source: { kind: 'directory', file: 'linux/queries/p.toml' }, id: 'p' });
  if (!loaded.ok) throw new Error(loaded.problem.message);
  return loaded.hunt;
}

type OkRun = Extract<SavedRun, { status: 'ok' }>;

/** Each finding's key (as stored) and its count. */
function counts(run: OkRun): Map<string, number> {
  const names = run.columns.map((c) => c.name);
  const keys = findingKeyColumns(run.queryText, names);
  const at = names.indexOf('connection_count');
  return new Map(run.values.map((row) => [JSON.stringify(keys.map((k) => row[names.indexOf(k)] ?? null)), row[at] as number]));
}

describe('a saved run’s drill-down finds exactly the events each finding counts', () => {
  const dirs: string[] = [];
  const stores: { db: AppDatabase; atRun: Backend; later: Backend; events: Record<string, unknown>[] }[] = [];
  const hunt = huntOf();

  beforeAll(async () => {
    for (const seed of SEEDS) {
      const dir = mkdtempSync(path.join(os.tmpdir(), `huntboard-run-events-${seed}-`));
      dirs.push(dir);
      const events = fixture(seed);
      const report = await openStore(dir).ingestDocuments(INDEX, events, { mapping: mapping() });
      expect(report.rejected).toBe(0);
      stores.push({ db: openAppState(dir), atRun: createEmbeddedBackend({ dataDir: dir, now: NOW }), later: createEmbeddedBackend({ dataDir: dir, now: LATER }), events });
    }
  }, 60_000);
  afterAll(async () => {
    for (const s of stores) {
      s.db.close();
      await Promise.all([s.atRun.close?.(), s.later.close?.()]);
    }
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function check(run: OkRun, backend: Backend): Promise<number> {
    let checked = 0;
    for (const [key, count] of counts(run)) {
      const answer = await runFindingEvents(backend, run, JSON.parse(key) as EsqlValue[]);
      if (!answer.ok) throw new Error(`${answer.error.kind}: ${answer.error.message}`);
      expect({ key, events: answer.result.values.length }).toEqual({ key, events: count });
      checked++;
    }
    return checked;
  }

  it.each([
    [1, 'the seed hunt (one key)'],
    [2, 'a two-key variant with null keys'],
  ] as const)('query %s: %s, pinned and as saved before pinning', async (query, _label) => {
    let findings = 0;
    for (const store of stores) {
      const { saved } = await runAndSave(store.db, store.atRun, hunt, query, { now: NOW, trigger: 'cli' });
      if (saved?.status !== 'ok') throw new Error(`the run failed: ${JSON.stringify(saved)}`);
      expect(saved.params).toEqual([{ _now1: NOW.toISOString() }]);
      findings += await check(saved, store.later);
      // The same run as saved before now was pinned: now() in its text, its start its now.
      const legacy: OkRun = { ...saved, queryText: hunt.queries[query - 1].text, params: [] };
      await check(legacy, store.later);
    }
    expect(findings).toBeGreaterThan(10);
  }, 60_000);

  it('the fixtures hold what the property is about: findings with events after now, exactly at now, and null keys', async () => {
    let afterNow = 0;
    let atNow = 0;
    let nullKeys = 0;
    for (const store of stores) {
      const { saved } = await runAndSave(store.db, store.atRun, hunt, 2, { now: NOW, trigger: 'cli' });
      if (saved?.status !== 'ok') throw new Error('the run failed');
      for (const key of counts(saved).keys()) {
        const values = JSON.parse(key) as EsqlValue[];
        if (values.includes(null)) nullKeys++;
        const answer = await runFindingEvents(store.later, saved, values);
        if (!answer.ok) throw new Error(answer.error.message);
        const at = answer.result.columns.findIndex((c) => c.name === '@timestamp');
        const times = answer.result.values.map((row) => row[at] as string);
        if (times.some((t) => t > NOW.toISOString())) afterNow++;
        if (times.includes(NOW.toISOString())) atNow++;
        expect(times.every((t) => t > new Date(NOW.getTime() - 7 * DAY).toISOString())).toBe(true);
      }
    }
    expect({ afterNow: afterNow > 0, atNow: atNow > 0, nullKeys: nullKeys > 0 }).toEqual({ afterNow: true, atNow: true, nullKeys: true });
  }, 60_000);
});
