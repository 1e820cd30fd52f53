import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nestedCalls, nestedParens, orChain, pipes } from '../esql/testing';
import { findHunt, loadCatalogue, loadDirectory } from './catalogue';
import { querySummaries } from './query-summaries';
import { huntToml, tempHuntsDir } from './testing/fixtures';

const SHARED_UUID = '11111111-1111-4111-8111-111111111111';

function libraryFixture(): string {
  return tempHuntsDir({
    'macos/queries/zeta.toml': huntToml({ name: 'Zeta on macOS', uuid: SHARED_UUID }),
    'macos/queries/alpha.toml': huntToml({ name: 'Alpha on macOS', uuid: SHARED_UUID }),
    'linux/queries/low_volume_external_network_connections_from_process.toml': huntToml({ name: 'A copy of the seed' }),
    'aws/queries/broken.toml': '[hunt\n',
    'aws/docs/readme.md': '# not a hunt',
    'extra/nested/deeper/loose.toml': huntToml({ name: 'Loose hunt' }),
  });
}

describe('loadCatalogue', () => {
  it('holds the builtin seed hunt when no folder is given', async () => {
    const catalogue = await loadCatalogue({ huntsDir: undefined });
    const seed = findHunt(catalogue, 'low_volume_external_network_connections_from_process');
    expect(seed).toMatchObject({ platform: 'linux', source: { kind: 'builtin' }, uuid: '12526f14-5e35-4f5f-884c-96c6a353a544' });
    expect(catalogue.problems).toEqual([]);
  });

  it('adds every toml under the folder, sorted by platform then name', async () => {
    const dir = libraryFixture();
    const catalogue = await loadCatalogue({ huntsDir: dir });
    expect(catalogue.hunts.map((h) => [h.platform ?? null, h.name])).toEqual([
      [null, 'Loose hunt'],
      ['linux', 'A copy of the seed'],
      ['linux', 'Low Volume External Network Connections from Process by Unique Agent'],
      ['macos', 'Alpha on macOS'],
      ['macos', 'Zeta on macOS'],
    ]);
    expect(catalogue.problems).toHaveLength(1);
    expect(catalogue.problems[0].file).toBe('aws/queries/broken.toml');
    expect(catalogue.problems[0].message).toMatch(/^invalid TOML/);
  });

  it('suffixes duplicate ids (the builtin keeps the plain id) and accepts duplicate UUIDs', async () => {
    const catalogue = await loadCatalogue({ huntsDir: libraryFixture() });
    expect(findHunt(catalogue, 'low_volume_external_network_connections_from_process')?.source.kind).toBe('builtin');
    expect(findHunt(catalogue, 'low_volume_external_network_connections_from_process-2')).toMatchObject({
      name: 'A copy of the seed',
      source: { kind: 'directory', file: 'linux/queries/low_volume_external_network_connections_from_process.toml' },
    });
    expect(catalogue.hunts.filter((h) => h.uuid === SHARED_UUID).map((h) => h.id)).toEqual(['alpha', 'zeta']);
  });

  it('is cached until a file changes', async () => {
    const dir = tempHuntsDir({ 'linux/queries/one.toml': huntToml({ name: 'One' }) });
    const first = await loadCatalogue({ huntsDir: dir });
    expect(await loadCatalogue({ huntsDir: dir })).toBe(first);
    const file = path.join(dir, 'linux/queries/one.toml');
    writeFileSync(file, huntToml({ name: 'One, renamed' }));
    utimesSync(file, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    const second = await loadCatalogue({ huntsDir: dir });
    expect(second).not.toBe(first);
    expect(findHunt(second, 'one')?.name).toBe('One, renamed');
  });
});

describe('loadDirectory', () => {
  it('loads only the folder, without builtins', async () => {
    const catalogue = await loadDirectory(tempHuntsDir({ 'x/queries/only.toml': huntToml() }));
    expect(catalogue.hunts.map((h) => h.id)).toEqual(['only']);
  });
});

describe('huge hunts (issue 13)', () => {
  it('lists every hunt: a 10,000-term OR chain and deep nesting keep their positioned errors, the hunts’ other queries run', async () => {
    const catalogue = await loadCatalogue({
      huntsDir: tempHuntsDir({
        'linux/queries/or_chain.toml': huntToml({ name: 'Huge OR', queries: [orChain(10_000), 'from logs-* | where user.id == "0"'] }),
        'linux/queries/parens.toml': huntToml({ name: 'Deep parentheses', queries: [nestedParens(5_000)] }),
        'linux/queries/calls.toml': huntToml({ name: 'Deep calls', queries: [nestedCalls(5_000)] }),
        'linux/queries/pipes.toml': huntToml({ name: 'Long pipeline', queries: [pipes(5_000)] }),
        'linux/queries/plain.toml': huntToml({ name: 'Plain' }),
      }),
    });
    expect(catalogue.problems).toEqual([]);
    const byId = (id: string) => {
      const hunt = findHunt(catalogue, id);
      if (!hunt) throw new Error(`no hunt ${id}`);
      return hunt;
    };
    expect(['or_chain', 'parens', 'calls', 'pipes', 'plain'].every((id) => findHunt(catalogue, id))).toBe(true);
    // What the overview renders for each hunt: labels come from printing WHERE conditions.
    expect(querySummaries(byId('or_chain')).map((q) => [q.runnable, q.problem])).toEqual([
      // Runnable: the page runs it and shows the backend's answer, which is this same refusal.
      [true, 'line 1:45: ESQL statement exceeded the maximum expression depth allowed (400)'],
      [true, undefined],
    ]);
    expect(querySummaries(byId('parens'))[0].problem).toBe('line 1:448: ESQL statement exceeded the maximum expression depth allowed (400)');
    expect(querySummaries(byId('calls'))[0].problem).toMatch(/^line 1:\d+: ESQL statement exceeded the maximum expression depth allowed \(400\)$/);
    expect(querySummaries(byId('pipes'))[0].problem).toBe('line 502:1: ESQL statement exceeded the maximum query depth allowed (500)');
    expect(findHunt(catalogue, 'plain')?.queries[0]).toMatchObject({ parsed: { ok: true } });
  }, 30_000);
});
