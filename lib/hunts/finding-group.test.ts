import { describe, expect, it } from 'vitest';
import { loadHuntText } from './loader';
import { triageGroups } from '../appstate/triage-groups';
import { findingKeyNames } from '../esql';
import { queriesSharingTriage, triageGroupOf } from './finding-group';
import type { Hunt } from './types';
import { SEED_ALL_USERS, SEED_ROOT_ONLY } from '../esql/testing';

function hunt(...queries: string[]): Hunt {
  const toml = `[hunt]\nauthor = "a"\ndescription = "d"\nintegration = ["endpoint"]\nuuid = "u"\nname = "n"\nlanguage = ["ES|QL"]\nlicense = "l"\nnotes = []\nmitre = []\nquery = [${queries.map((q) => `'''\n${q}\n'''`).join(',')}]\n`;
  const loaded = loadHuntText(toml, { source: { kind: 'directory', file: 'linux/queries/x.toml' }, id: 'x' });
  if (!loaded.ok) throw new Error(loaded.problem.message);
  return loaded.hunt;
}

describe('triage groups', () => {
  it('puts the seed hunt’s “All users” and “Root only” in one group (both BY process.name): query 1', () => {
    const seed = hunt(SEED_ALL_USERS, SEED_ROOT_ONLY);
    expect(findingKeyNames(SEED_ROOT_ONLY)).toEqual(['process.name']);
    expect([triageGroupOf(seed, 1), triageGroupOf(seed, 2)]).toEqual([1, 1]);
    expect(queriesSharingTriage(seed, 2)).toEqual([1, 2]);
  });

  it('keeps queries with other keys, keys in another order, or no STATS … BY in their own group', () => {
    const base = 'FROM logs-* | STATS c = COUNT(*) BY';
    const groups = triageGroups([
      { number: 1, text: `${base} process.name` },
      { number: 2, text: `${base} process.name, agent.id` },
      { number: 3, text: `${base} agent.id, process.name` },
      { number: 4, text: 'FROM logs-* | KEEP process.name' },
      { number: 5, text: `FROM logs-* | WHERE user.id == "0" | STATS n = COUNT(*) BY process.name, agent.id` },
      { number: 6, text: 'FROM logs-* | STATS' },
    ]);
    expect([...groups]).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 2],
      [6, 6],
    ]);
  });

  it('names keys after a RENAME as the result names them', () => {
    expect(findingKeyNames('FROM logs-* | STATS c = COUNT(*) BY process.name | RENAME process.name AS p')).toEqual(['p']);
    expect(triageGroups([
      { number: 1, text: 'FROM logs-* | STATS c = COUNT(*) BY process.name | RENAME process.name AS p' },
      { number: 2, text: 'FROM logs-* | STATS c = COUNT(*) BY process.name' },
    ]).get(2)).toBe(2);
  });

  it('answers a query the hunt lacks with its own number', () => {
    const seed = hunt(SEED_ALL_USERS, SEED_ROOT_ONLY);
    expect(triageGroupOf(seed, 9)).toBe(9);
    expect(queriesSharingTriage(seed, 9)).toEqual([9]);
  });
});
