import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedEngine } from '../../index';
import type { EmbeddedEngine } from '../../types';
import { renderSuiteReport } from './report';
import { loadSuiteDatasets, runSpecFile, withTypeMapping, type CaseOutcome } from './run-suite';

// A miniature of the suite's layout, written here: a data csv, its mapping, a spec file.
const DATA = ['name:keyword,n:integer,tags:keyword', 'a,1,[x,y]', 'b,2,', 'c,,z'].join('\n');
const MAPPING = { properties: { name: { type: 'keyword' }, n: { type: 'integer' }, tags: { type: 'keyword' } } };
const SPEC = [
  'counts',
  'FROM mini | STATS c = COUNT(*);',
  'c:long',
  '3',
  ';',
  '',
  'wrongOnPurpose',
  'FROM mini | WHERE n == 1 | KEEP name;',
  'name:keyword',
  'b',
  ';',
  '',
  'unreadable',
  'FROM mini;',
  'p:geo_point',
  'x',
  ';',
  '',
  'skipped-Ignore',
  'FROM nowhere;',
  'a:integer',
  ';',
].join('\n');

describe('the csv-spec suite runner', () => {
  let dir: string;
  let dataDir: string;
  let engine: EmbeddedEngine;
  let outcomes: CaseOutcome[];
  let loaded: Awaited<ReturnType<typeof loadSuiteDatasets>>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'es-suite-test-'));
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'data', 'mini.csv'), DATA);
    writeFileSync(path.join(dir, 'mapping-mini.json'), JSON.stringify(MAPPING));
    dataDir = path.join(dir, 'store');
    loaded = await loadSuiteDatasets(
      dir,
      [
        { index: 'mini', dataFile: 'mini.csv', mappingFile: 'mapping-mini.json', allowSubFields: false },
        { index: 'absent', dataFile: 'absent.csv', mappingFile: 'mapping-mini.json', allowSubFields: false },
      ],
      dataDir,
    );
    engine = createEmbeddedEngine({ dataDir });
    outcomes = await runSpecFile(engine, 'mini.csv-spec', SPEC);
  }, 60_000);

  afterAll(async () => {
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads what it can and reports what it cannot', () => {
    expect(loaded.loaded).toEqual(['mini']);
    expect(loaded.failed).toHaveLength(1);
    expect(loaded.failed[0]).toMatchObject({ index: 'absent' });
  });

  it('judges every case but the ignored one', () => {
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ['counts', 'pass'],
      ['wrongOnPurpose', 'fail'],
      ['unreadable', 'unreadable'],
    ]);
    const wrong = outcomes[1];
    expect(wrong.status === 'fail' && wrong.reason).toContain('rows differ');
  });

  it('reports counts and every case that does not pass, with a reviewed reason where there is one', () => {
    const report = renderSuiteReport({ source: 'test', date: '2026-12-08', outcomes, datasetFailures: loaded.failed }, (file, name) => (file === 'mini.csv-spec' && name === 'unreadable' ? 'geo types are not supported' : undefined));
    expect(report).toContain('**1 of 3 cases pass (33.3 %)**');
    expect(report).toContain('| mini.csv-spec | – | 3 | 1 | 33.3 % |');
    expect(report).toContain('`wrongOnPurpose` | rows differ');
    expect(report).toContain('`unreadable` | geo types are not supported |');
    expect(report).toContain('- `absent`:');
  });
});

describe('withTypeMapping', () => {
  it('replaces or removes a field as CsvTestsDataLoader does', () => {
    expect(withTypeMapping(MAPPING, { n: 'long', tags: null })).toEqual({ properties: { name: { type: 'keyword' }, n: { type: 'long' } } });
  });
});
