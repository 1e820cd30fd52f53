/**
 * `huntboard ingest` against a real store where the native reader is off
 * (HUNTBOARD_NATIVE_INGEST=0, as where the addon did not build): every line of a file or of
 * stdin is stored or rejected with its line number, whatever the file's size (issue 13: this
 * path once lost the start of its input, or all of a small file, and never finished).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../main';
import { nativeAddon } from '../../store/native/addon';

beforeAll(() => {
  process.env.HUNTBOARD_NATIVE_INGEST = '0';
  if (nativeAddon()) throw new Error('the native reader should be off in this file');
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-cli-ingest-'));
  dirs.push(dir);
  return dir;
}

async function ingest(dataDir: string, args: string[], stdin: Buffer = Buffer.alloc(0)): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: { HUNTBOARD_DATA_DIR: dataDir },
    // stdin arrives in pieces, as from a pipe
    stdin: Readable.from(Array.from({ length: Math.ceil(stdin.length / 65536) }, (_, i) => stdin.subarray(i * 65536, (i + 1) * 65536))),
  };
  const code = await main(['ingest', '--index', 'x', ...args], io);
  return { code, out, err };
}

const lines = (count: number) => Array.from({ length: count }, (_, i) => `{"n":${i},"host":{"name":"h${i % 9}"}}`).join('\n') + '\n';

describe('huntboard ingest on the reference path', () => {
  it('stores a three-line file and releases the index', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'small.ndjson');
    writeFileSync(file, lines(3));
    expect(await ingest(path.join(dir, 'data'), [file])).toEqual({ code: 0, out: '3 documents stored in [x], 0 rejected\n', err: '' });
    expect(existsSync(path.join(dir, 'data', 'indices', 'x', '.lock'))).toBe(false);
  });

  it('stores every line of a large file and of the same bytes on stdin', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'large.ndjson');
    writeFileSync(file, lines(30_000));
    expect((await ingest(path.join(dir, 'a'), [file])).out).toBe('30000 documents stored in [x], 0 rejected\n');
    expect((await ingest(path.join(dir, 'b'), ['-'], Buffer.from(lines(30_000)))).out).toBe('30000 documents stored in [x], 0 rejected\n');
  }, 60_000);

  it('rejects a line nested 3,000 levels deep with its number and reason, and stores the rest', async () => {
    const dir = tempDir();
    const deep = `{"n":1,"d":${'{"a":'.repeat(2999)}1${'}'.repeat(2999)}}`;
    const huge = JSON.stringify({ n: 3, message: 'm'.repeat(9 * 2 ** 20) });
    const result = await ingest(path.join(dir, 'data'), ['-'], Buffer.from(['{"n":0}', deep, '{"n":2}', huge, '{"n":4}', ''].join('\n')));
    expect(result).toEqual({
      code: 1,
      out: '4 documents stored in [x], 1 rejected\n  line 2: Document nesting depth (1001) exceeds the maximum allowed (1000)\n',
      err: '',
    });
  });

  it('refuses to start when the setting and its earlier name disagree, storing nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'small.ndjson');
    writeFileSync(file, lines(3));
    process.env.HUNTBOARD_COMPILED_INGEST = '1';
    try {
      const result = await ingest(path.join(dir, 'data'), [file]);
      expect(result).toEqual({
        code: 1,
        out: '',
        err: 'Error: HUNTBOARD_NATIVE_INGEST=0 and HUNTBOARD_COMPILED_INGEST=1 (its earlier name) disagree; unset HUNTBOARD_COMPILED_INGEST\n',
      });
      expect(existsSync(path.join(dir, 'data', 'indices', 'x'))).toBe(false);
    } finally {
      delete process.env.HUNTBOARD_COMPILED_INGEST;
    }
  });
});
