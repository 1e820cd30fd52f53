/**
 * The addon's contract, below the ingest that uses it: which lines it leaves to JS, which batches
 * it refuses whole, and that a part holds exactly the rows it was given, in line order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { nativeAddon, type BatchHandle, type SurveyOutcome } from './addon';

const addon = nativeAddon();
if (!addon) throw new Error('the native ingest addon is not built (npm install builds it)');

const dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-addon-'));
const session = addon.open({ memoryLimit: '1GB', tempDirectory: path.join(dir, 'spill') });
afterAll(() => {
  addon.close(session);
  rmSync(dir, { recursive: true, force: true });
});

const FIELDS = [
  { name: '@timestamp', type: 'date' },
  { name: 'k', type: 'keyword' },
  { name: 'k.lc', type: 'keyword', parent: 'k', normalizer: 'lowercase' },
  { name: 'ip', type: 'ip' },
  { name: 'n', type: 'long' },
];

function spec(unicode = process.versions.unicode): string {
  return JSON.stringify({ dynamic: false, objects: [], fields: FIELDS, unicode });
}

function surveyed(outcome: SurveyOutcome): { batch: BatchHandle; untakeable: number[] } {
  if ('whole' in outcome) throw new Error(`refused whole: ${outcome.whole}`);
  return outcome;
}

/** The lines a batch leaves to JS, the batch then given up unwritten. */
function untakeableOf(outcome: SurveyOutcome): number[] {
  const { batch, untakeable } = surveyed(outcome);
  addon!.release(batch);
  return untakeable;
}

async function rows(file: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(`SELECT * FROM read_parquet('${file}')`)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

describe('survey', () => {
  it('leaves to JS exactly the lines it cannot take, and skips blank ones', async () => {
    const lines = ['{"k":"a","n":1}', '', '{"k":"b","n":"x"}', 'not json', '{"k":"c","dotted.key":1}', '{"ip":"010.0.0.1"}', '{"k":"d","ip":"10.0.0.1"}'];
    const untakeable = untakeableOf(await addon.survey(session, Buffer.from(lines.join('\n')), lines.length, spec(), false, true));
    // a string in a long field, invalid JSON, an IP with a leading zero (all rejected or odd in JS)
    expect(untakeable).toEqual(expect.arrayContaining([2, 3, 5]));
    expect(untakeable).not.toContain(0);
    expect(untakeable).not.toContain(1);
    expect(untakeable).not.toContain(6);
  });

  it('takes float, half_float and scaled_float values itself, leaving to JS those the type cannot hold', async () => {
    const fields = [
      { name: 'f', type: 'float' },
      { name: 'hf', type: 'half_float' },
      { name: 'sf', type: 'scaled_float', scalingFactor: 100 },
    ];
    const floats = JSON.stringify({ dynamic: false, objects: [], fields, unicode: process.versions.unicode });
    const lines = ['{"f":2.03,"hf":[2.03,-0.1],"sf":"2.03"}', '{"f":1e39}', '{"hf":65520}', '{"sf":1e30}'];
    const untakeable = untakeableOf(await addon.survey(session, Buffer.from(lines.join('\n')), lines.length, floats, false, true));
    // the float overflows (the JS path rejects it); a scaled_float saturates as Elasticsearch's long does
    expect(untakeable).toEqual([1, 2]);
  });

  it('lower-cases beyond ASCII only with the Unicode version of its table', async () => {
    const line = Buffer.from('{"k":"ÉCOLE"}');
    expect(untakeableOf(await addon.survey(session, line, 1, spec(), false, false))).toEqual([]);
    expect(untakeableOf(await addon.survey(session, line, 1, spec('1.0'), false, false))).toEqual([0]);
  });

  it('refuses a batch whole when a line held a line break, or JS text held U+FFFD', async () => {
    expect(await addon.survey(session, Buffer.from('{"k":"a"}\n{"k":"b"}'), 1, spec(), false, true)).toEqual({ whole: 'a line break inside a line' });
    expect(await addon.survey(session, Buffer.from('{"k":"\uFFFD"}'), 1, spec(), false, true)).toEqual({ whole: 'U+FFFD' });
    // bytes read from a file hold U+FFFD only where the file does: no lone surrogate behind it
    expect(untakeableOf(await addon.survey(session, Buffer.from('{"k":"\uFFFD"}'), 1, spec(), false, false))).toEqual([]);
  });
});

describe('write', () => {
  it('writes both halves in line order, the JS rows in their places, the rejected lines left out', async () => {
    const lines = Array.from({ length: 10 }, (_, i) => (i === 3 ? '{"k":"x","k":"odd","n":7}' : i === 8 ? 'bad' : `{"@timestamp":"2026-01-${String(i + 1).padStart(2, '0')}T00:00:00.000Z","k":"K${i}","n":${i}}`));
    const { batch, untakeable } = surveyed(await addon.survey(session, Buffer.from(lines.join('\n')), lines.length, spec(), true, true));
    // a duplicate key (JSON.parse keeps the last), and invalid JSON
    expect(untakeable).toEqual([3, 8]);
    const files: [string, string] = [path.join(dir, 'a.parquet'), path.join(dir, 'b.parquet')];
    {
      const written = await addon.write(session, batch, [3, 8], ['{"k":"odd","k.lc":"odd","n":7}', null], [], files);
      if ('error' in written) throw new Error(written.error);
      expect(written.parts.map((p) => [p.docCount, p.columns, p.minTimestamp, p.maxTimestamp])).toEqual([
        [5, ['@timestamp', 'k', 'k.lc', 'n'], Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 5)],
        [4, ['@timestamp', 'k', 'k.lc', 'n'], Date.UTC(2026, 0, 6), Date.UTC(2026, 0, 10)],
      ]);
      const stored = [...(await rows(files[0])), ...(await rows(files[1]))];
      expect(stored.map((r) => r.k)).toEqual(['K0', 'K1', 'K2', 'odd', 'K4', 'K5', 'K6', 'K7', 'K9']);
      expect(stored.map((r) => r['k.lc'])).toEqual(['k0', 'k1', 'k2', 'odd', 'k4', 'k5', 'k6', 'k7', 'k9']);
    }
  });

  it('answers a JS row it cannot place with an error, not a part', async () => {
    const { batch } = surveyed(await addon.survey(session, Buffer.from('x'), 1, spec(), false, true));
    const files: [string, string] = [path.join(dir, 'c.parquet'), path.join(dir, 'd.parquet')];
    expect(await addon.write(session, batch, [0], ['{"new":1}'], [], files)).toEqual({ error: 'no type for column new' });
  });

  it('holds the rows of two batches at most, until each is written or released, and writes a batch once', async () => {
    const line = Buffer.from('{"k":"a"}');
    const first = surveyed(await addon.survey(session, line, 1, spec(), false, false));
    const second = surveyed(await addon.survey(session, line, 1, spec(), false, false));
    expect(() => addon.survey(session, line, 1, spec(), false, false)).toThrow('two batches of the session already wait to be written');
    addon.release(first.batch);
    const files: [string, string] = [path.join(dir, 'e.parquet'), path.join(dir, 'f.parquet')];
    const third = surveyed(await addon.survey(session, line, 1, spec(), false, false));
    expect(await addon.write(session, second.batch, [], [], [], files)).toMatchObject({ parts: [{ docCount: 1 }] });
    expect(() => addon.write(session, second.batch, [], [], [], files)).toThrow('the batch was written already');
    expect(() => addon.write(session, first.batch, [], [], [], files)).toThrow('the batch was written already');
    addon.release(third.batch);
  });
});
