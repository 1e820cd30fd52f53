/**
 * Fault (issues 5 and 13): one damaged Parquet part of an index with two parts. Queries over the index
 * keep answering from the good part, and the damaged part is reported (store snapshot `skipped`,
 * worded for the response's warnings by skippedPartWarnings). A killed ingest leaving the store
 * readable is proven in atomicity.test.ts ("a killed ingest process leaves no visible part …").
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedEngine } from '../engine';
import type { EmbeddedEngine } from '../engine/types';
import { openStore } from './index';
import { CHECKSUM_MISMATCH, checkPart, skippedPartWarnings } from './part-check';
import { tempDataDir } from './testing/helpers';
import type { SourceSnapshot } from './types';

const INDEX = 'logs-endpoint.events.network-default';
const MAPPING = { properties: { '@timestamp': { type: 'date' }, n: { type: 'long' }, 'process.name': { type: 'keyword' } } };
const DOCS = [1, 2, 3, 4].map((n) => ({ '@timestamp': `2026-01-07T0${n}:00:00.000Z`, n, process: { name: `p${n}` } }));
const QUERY = `from ${INDEX} | sort n | keep n, process.name`;


const dirs: string[] = [];
const engines: EmbeddedEngine[] = [];
afterAll(() => {
  for (const e of engines) e.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

let dataDir: string;
let parts: string[];

/** An index of two parts of two documents each: [n=1, n=2] and [n=3, n=4]. */
beforeEach(async () => {
  dataDir = tempDataDir();
  dirs.push(dataDir);
  const store = openStore(dataDir, { partRows: 2 });
  await store.ingestDocuments(INDEX, DOCS, { mapping: MAPPING });
  const snap = (await store.resolve([INDEX])) as SourceSnapshot;
  parts = snap.partFiles;
  expect(parts).toHaveLength(2);
});

async function runQuery(): Promise<{ rows: unknown[][]; skipped: SourceSnapshot['skipped']; warnings: string[]; partial: boolean }> {
  const engine = createEmbeddedEngine({ dataDir, now: () => new Date('2026-01-08T00:00:00Z') });
  engines.push(engine);
  const result = await engine.query({ query: QUERY });
  if (!result.ok) throw new Error(`query failed: ${result.error.kind}: ${result.error.message}`);
  const snap = (await openStore(dataDir).resolve([INDEX])) as SourceSnapshot;
  return { rows: result.response.values, skipped: snap.skipped, warnings: result.response.warnings, partial: result.response.is_partial };
}

function overwrite(file: string, at: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, at);
  } finally {
    closeSync(fd);
  }
}

describe('a corrupted part is reported and skipped, not fatal', () => {
  it('both parts read before any damage', async () => {
    const { rows, skipped, warnings, partial } = await runQuery();
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4]);
    expect(skipped).toEqual([]);
    expect(warnings.filter((w) => w.includes('unreadable'))).toEqual([]);
    expect(partial).toBe(false);
  });

  it.each([
    ['truncated to half its size', 'part file is not a Parquet file (bad magic)', (f: string) => truncateSync(f, Math.floor(statSync(f).size / 2))],
    ['truncated to 5 bytes', 'part file is truncated', (f: string) => truncateSync(f, 5)],
    ['header overwritten', 'part file is not a Parquet file (bad magic)', (f: string) => overwrite(f, 0, Buffer.from('JUNK'))],
    ['footer length overwritten', 'part file has a corrupt footer', (f: string) => overwrite(f, statSync(f).size - 8, Buffer.from([0xff, 0xff, 0xff, 0x7f]))],
    ['replaced by text', 'part file is not a Parquet file (bad magic)', (f: string) => writeFileSync(f, 'this is not parquet at all\n')],
    ['deleted', 'part file is missing', (f: string) => rmSync(f)],
  ])('second part %s: the first part still answers, the second is reported', async (_what, reason, damage) => {
    damage(parts[1]);
    const { rows, skipped } = await runQuery();
    expect(rows.map((r) => r[0])).toEqual([1, 2]);
    expect(skipped).toEqual([{ file: parts[1], reason }]);
    const [warning] = skippedPartWarnings(skipped);
    expect(warning).toMatch(new RegExp(`^part \\[[^/\\]]+\\.parquet\\] of index \\[${INDEX.replaceAll('.', '\\.')}\\] is unreadable and was skipped: ${reason.replace(/[()]/g, '\\$&')}$`));
    expect(warning).not.toContain(dataDir);
  });

  it('the query response carries the warning and is marked partial', async () => {
    truncateSync(parts[1], 5);
    const { rows, warnings, partial } = await runQuery();
    expect(rows.map((r) => r[0])).toEqual([1, 2]);
    expect(warnings).toContainEqual(expect.stringMatching(/^part \[.+\.parquet\] of index \[logs-endpoint\.events\.network-default\] is unreadable and was skipped: part file is truncated$/));
    expect(partial).toBe(true);
  });

  it('a damaged first part leaves the second answering', async () => {
    overwrite(parts[0], 0, Buffer.from('XXXX'));
    const { rows } = await runQuery();
    expect(rows.map((r) => r[0])).toEqual([3, 4]);
  });

  it('a part repaired in place (new size or mtime) is checked again, not served from the cache', () => {
    const good = readFileSync(parts[1]);
    expect(checkPart(parts[1])).toBeUndefined();
    truncateSync(parts[1], 20);
    expect(checkPart(parts[1])).toBe('part file is not a Parquet file (bad magic)');
    writeFileSync(parts[1], good);
    expect(checkPart(parts[1])).toBeUndefined();
  });

  it('with every part damaged the query answers no rows instead of failing', async () => {
    for (const f of parts) writeFileSync(f, '');
    const { rows, skipped } = await runQuery();
    expect(rows).toEqual([]);
    expect(skipped.map((s) => s.reason)).toEqual(['part file is truncated', 'part file is truncated']);
  });
});

describe('damage inside a part, its size kept', () => {
  // Magic and footer length intact, pages garbled: the ends look right, but the write moved the
  // file's times, so the checksum sealed at commit is compared and differs (damaged-part.test.ts
  // covers damage under unchanged times).
  it('garbled pages inside a part: the part is skipped by its checksum, the other answers, partial', async () => {
    const size = statSync(parts[1]).size;
    overwrite(parts[1], 4, Buffer.alloc(Math.floor(size / 2), 0xab));
    expect(statSync(parts[1]).size).toBe(size);
    const { rows, skipped, warnings, partial } = await runQuery();
    expect(rows.map((r) => r[0])).toEqual([1, 2]);
    expect(skipped).toEqual([{ file: parts[1], reason: CHECKSUM_MISMATCH }]);
    expect(warnings).toContainEqual(expect.stringMatching(/^part \[.+\.parquet\] of index \[logs-endpoint\.events\.network-default\] is unreadable and was skipped: part file is damaged/));
    expect(warnings.join('\n')).not.toContain(dataDir);
    expect(partial).toBe(true);
  });
});
