import { describe, expect, it } from 'vitest';
import { loadHuntText } from './loader';
import { queryLabels } from './query-labels';
import type { Hunt } from './types';
import { SEED_ALL_USERS, SEED_ROOT_ONLY } from '../esql/testing';

function hunt(...queries: string[]): Hunt {
  const toml = `[hunt]\nauthor = "a"\ndescription = "d"\nintegration = ["endpoint"]\nuuid = "u"\nname = "n"\nlanguage = ["ES|QL"]\nlicense = "l"\nnotes = []\nmitre = []\nquery = [${queries.map((q) => `'''\n${q}\n'''`).join(',')}]\n`;
  const loaded = loadHuntText(toml, { source: { kind: 'directory', file: 'linux/queries/x.toml' }, id: 'x' });
  if (!loaded.ok) throw new Error(loaded.problem.message);
  return loaded.hunt;
}

describe('queryLabels', () => {
  it('names the seed hunt’s queries “All users” and “Root only”', () => {
    expect([...queryLabels(hunt(SEED_ALL_USERS, SEED_ROOT_ONLY))]).toEqual([
      [1, 'All users'],
      [2, 'Root only'],
    ]);
  });

  it('uses a query’s own conditions when they are not well known, and numbers otherwise', () => {
    const base = 'from logs-* | where host.os.type == "linux"';
    expect([...queryLabels(hunt(base, `${base} and process.name == "nc"`))]).toEqual([
      [1, 'Query 1'],
      [2, 'process.name == "nc"'],
    ]);
    expect([...queryLabels(hunt(base))]).toEqual([[1, 'Query 1']]);
  });
});
