/**
 * The native ingest's pipeline (a batch surveyed while the one before is written) under
 * failure: whatever fails — a part's commit step, the input mid-file — the ingest rejects with
 * that failure, no part becomes visible, nothing is left behind, and the index takes writes again.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../index';
import { indexDir } from '../layout';
import { readParts, tempDataDir } from '../testing/helpers';
import type { IngestTuning } from '../ingest';
import type { ByteReader, SourceSnapshot } from '../types';
import { nativeAddon } from './addon';

if (!nativeAddon()) throw new Error('the native ingest addon is not built (npm install builds it)');

const MAPPING = { properties: { '@timestamp': { type: 'date' }, n: { type: 'long' }, name: { type: 'keyword' } } };

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** NDJSON of `count` events from `from`, with a rejected line and a line left to JS now and then. */
function ndjson(count: number, from = 0): string {
  const lines: string[] = [];
  for (let i = from; i < from + count; i++) {
    if (i % 97 === 5) lines.push('not json');
    else if (i % 89 === 3) lines.push(`{"@timestamp":${1767830400000 + i},"n":"${i}","name":"p${i % 7}"}`);
    else lines.push(`{"@timestamp":${1767830400000 + i},"n":${i},"name":"p${i % 7}"}`);
  }
  return lines.join('\n') + '\n';
}

/** A file's reader over `bytes`, failing at its `failAt`-th read when asked to. */
function reader(bytes: Buffer, failAt = Infinity): ByteReader & { closed: boolean } {
  let at = 0;
  let reads = 0;
  return {
    closed: false,
    async read(into, offset, length) {
      if (++reads === failAt) throw new Error('EIO: i/o error, read (injected)');
      const n = bytes.copy(into, offset, at, at + Math.min(length, 1000));
      at += n;
      return n;
    },
    async close() {
      this.closed = true;
    },
  };
}

async function stored(dataDir: string): Promise<number[]> {
  const snapshot = (await openStore(dataDir).resolve(['idx'])) as SourceSnapshot;
  return (await readParts(snapshot.partFiles, 'n')).map((r) => Number(r.n));
}

async function seeded(): Promise<string> {
  const dataDir = tempDataDir();
  dirs.push(dataDir);
  const report = await openStore(dataDir).ingestBytes('idx', [ndjson(10)], { mapping: MAPPING });
  expect(report.stored).toBe(9);
  return dataDir;
}

function leftovers(dataDir: string): string[] {
  const dir = path.join(indexDir(dataDir, 'idx'), 'parts');
  return readdirSync(dir).filter((f) => f.startsWith('.tmp-') && f !== '.tmp-spill');
}

// small batches: many of them, each surveyed while the one before is written
const TUNING: IngestTuning = { batchLines: 50, partRows: 50 };

describe('native ingest under failure', () => {
  it('stores every good line of many batches, in line order, with its rejections', async () => {
    const dataDir = await seeded();
    const report = await openStore(dataDir, TUNING).ingestBytes('idx', reader(Buffer.from(ndjson(990, 10))));
    const expectedRejected = Array.from({ length: 990 }, (_, k) => k + 10).filter((i) => i % 97 === 5);
    expect(report.rejected).toBe(expectedRejected.length);
    expect(report.rejections.map((r) => r.line)).toEqual(expectedRejected.map((i) => i - 10 + 1));
    expect(report.stored).toBe(990 - expectedRejected.length);
    expect(await stored(dataDir)).toEqual(Array.from({ length: 1000 }, (_, i) => i).filter((i) => i % 97 !== 5));
  });

  it('a part that fails after others leaves the index unchanged, and it takes writes again', async () => {
    const dataDir = await seeded();
    let parts = 0;
    const failing = openStore(dataDir, {
      ...TUNING,
      afterPart: () => {
        if (++parts === 4) throw new Error('disk full (injected)');
      },
    });
    await expect(failing.ingestBytes('idx', reader(Buffer.from(ndjson(990, 10))))).rejects.toThrow('disk full (injected)');
    expect(await stored(dataDir)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9]);
    expect(leftovers(dataDir)).toEqual([]);
    expect(existsSync(path.join(indexDir(dataDir, 'idx'), '.lock'))).toBe(false);
    await openStore(dataDir, TUNING).ingestBytes('idx', [ndjson(5, 10)]);
    expect(await stored(dataDir)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('an input that fails mid-file fails the ingest, closed and with nothing stored', async () => {
    const dataDir = await seeded();
    const input = reader(Buffer.from(ndjson(990, 10)), 20);
    await expect(openStore(dataDir, TUNING).ingestBytes('idx', input)).rejects.toThrow('EIO: i/o error, read (injected)');
    expect(input.closed).toBe(true);
    expect(await stored(dataDir)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9]);
    expect(leftovers(dataDir)).toEqual([]);
  });
});
