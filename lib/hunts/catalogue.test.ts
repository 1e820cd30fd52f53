import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHunt, loadCatalogue, loadDirectory } from './catalogue';
import { huntToml, tempHuntsDir } from './test-fixtures';

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
