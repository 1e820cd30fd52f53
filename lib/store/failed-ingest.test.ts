/**
 * A failed ingest stores nothing and leaves nothing behind: no temporary part (half-written or
 * whole), no lock; a full disk is said so, naming the part. Failures are injected: a part's fsync
 * failing with ENOSPC (where a full disk shows itself on a real one), the native writer failing
 * after its files exist, the afterPart hook.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from './index';
import { indexDir } from './layout';
import { readManifest } from './manifest';
import { tempDataDir } from './testing/helpers';
import type { IngestTuning } from './ingest';
import type { NativeAddon } from './native/addon';

const fault = vi.hoisted(() => ({ partFsync: false, nativeWrite: false }));

function noSpace(what: string): Error {
  return Object.assign(new Error(`ENOSPC: no space left on device, ${what}`), { code: 'ENOSPC' });
}

vi.mock('./atomic-file', async (importOriginal) => {
  const real = await importOriginal<typeof import('./atomic-file')>();
  return {
    ...real,
    fsyncPath(file: string) {
      if (fault.partFsync && path.basename(file).startsWith('.tmp-') && file.endsWith('.parquet')) throw noSpace('fsync');
      real.fsyncPath(file);
    },
  };
});

vi.mock('./native/addon', async (importOriginal) => {
  const real = await importOriginal<typeof import('./native/addon')>();
  return {
    ...real,
    nativeAddon(): NativeAddon | undefined {
      const addon = real.nativeAddon();
      if (!addon) return undefined;
      return {
        ...addon,
        async write(...args: Parameters<NativeAddon['write']>) {
          const written = await addon.write(...args);
          // as DuckDB reports a full disk: its words, after the files were begun
          if (fault.nativeWrite) throw new Error(`IO Error: Could not write file "${args[5][0]}": No space left on device`);
          return written;
        },
      };
    },
  };
});

const MAPPING = { mapping: { dynamic: false, properties: { n: { type: 'long' } } } };
const lines = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `{"n":${from + i}}`);

let dataDir: string;
beforeEach(async () => {
  dataDir = tempDataDir();
  await openStore(dataDir).ingestLines('idx', lines(3), MAPPING);
});
afterEach(() => {
  fault.partFsync = false;
  fault.nativeWrite = false;
  rmSync(dataDir, { recursive: true, force: true });
});

/** What a failed ingest must leave: the index as it was, no temporary, no lock. */
function expectUntouched(): void {
  const dir = indexDir(dataDir, 'idx');
  expect(readManifest(dataDir, 'idx')?.parts.reduce((n, p) => n + p.docCount, 0)).toBe(3);
  expect(readdirSync(path.join(dir, 'parts')).filter((f) => f.startsWith('.tmp'))).toEqual([]);
  expect(readdirSync(path.join(dir, 'parts'))).toHaveLength(readManifest(dataDir, 'idx')!.parts.length);
  expect(existsSync(path.join(dir, '.lock'))).toBe(false);
}

const PATHS: [string, IngestTuning][] = [
  ['reference path', { native: false }],
  ['native reader', {}],
];

describe.each(PATHS)('a failed ingest through the %s', (_, tuning) => {
  const small = { ...tuning, partRows: 40, batchLines: 40 };

  it('on a full disk says so, names the part, and stores nothing', async () => {
    if (tuning.native === false) fault.partFsync = true;
    else fault.nativeWrite = true;
    const failed = openStore(dataDir, small).ingestLines('idx', lines(200, 3), MAPPING);
    await expect(failed).rejects.toThrow(/^no space left on device while writing part [0-9a-z]+-[0-9a-f]{10}\.parquet; nothing was stored$/);
    expectUntouched();
  });

  it('from stdin-like bytes on a full disk, the same', async () => {
    if (tuning.native === false) fault.partFsync = true;
    else fault.nativeWrite = true;
    const bytes = Buffer.from(lines(200, 3).join('\n'));
    await expect(openStore(dataDir, small).ingestBytes('idx', [bytes], MAPPING)).rejects.toThrow('no space left on device while writing part');
    expectUntouched();
  });

  it('after some parts were written, removes them all', async () => {
    let parts = 0;
    const afterPart = () => {
      if (++parts === 3) throw new Error('disk full (injected)');
    };
    await expect(openStore(dataDir, { ...small, afterPart }).ingestLines('idx', lines(400, 3), MAPPING)).rejects.toThrow('disk full (injected); nothing was stored');
    expect(parts).toBe(3);
    expectUntouched();
    // and the index takes writes again
    expect(await openStore(dataDir, small).ingestLines('idx', lines(5, 3), MAPPING)).toMatchObject({ stored: 5, rejected: 0 });
  });
});
