/**
 * Batches of bytes must hold the lines readline gives `huntboard ingest` for the same input, with
 * the same numbers, however the input is chunked and whatever the limits.
 */
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { nativeAddon } from './addon';
import type { ByteReader } from '../types';
import { byteBatches, stringBatches, type LineBatch } from './batches';
import { lcg } from '../testing/events';

const addon = nativeAddon();
if (!addon) throw new Error('the native ingest addon is not built (npm install builds it)');

const PIECES = ['{"a":1}', '', ' ', '\n', '\n', '\n', '\r\n', '\r', 'é', '€', '😀', '\u2028', 'x', '{"k":"v\\n"}', '\t'];

function randomInput(rand: () => number): Buffer {
  const parts: Buffer[] = [];
  const n = Math.floor(rand() * 60);
  for (let i = 0; i < n; i++) parts.push(Buffer.from(PIECES[Math.floor(rand() * PIECES.length)]));
  // invalid UTF-8 now and then: a lone continuation byte, a truncated sequence
  if (rand() < 0.2) parts.splice(Math.floor(rand() * parts.length), 0, Buffer.from([0x80]), Buffer.from([0xe2, 0x82]));
  return Buffer.concat(parts);
}

function* chunks(bytes: Buffer, rand: () => number): Generator<Buffer> {
  for (let at = 0; at < bytes.length; ) {
    const step = 1 + Math.floor(rand() * 9);
    yield bytes.subarray(at, at + step);
    at += step;
  }
}

/** As a file is read: short reads of any length up to the room asked for, 0 at the end. */
function reader(bytes: Buffer, rand: () => number): ByteReader & { closed: boolean } {
  let at = 0;
  return {
    closed: false,
    async read(into, offset, length) {
      const n = Math.min(length, bytes.length - at, 1 + Math.floor(rand() * 9));
      at += bytes.copy(into, offset, at, at + n);
      return n;
    },
    async close() {
      this.closed = true;
    },
  };
}

/** As `huntboard ingest` read files before: a UTF-8 stream (its decoder settles a cut-off character at the end) into readline. */
async function readlineLines(bytes: Buffer): Promise<string[]> {
  const out: string[] = [];
  for await (const line of createInterface({ input: Readable.from([bytes]).setEncoding('utf8'), crlfDelay: Infinity })) out.push(line);
  return out;
}

async function batchLines(batches: AsyncIterable<LineBatch>, limit: number): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of batches) {
    expect(batch.firstLine).toBe(out.length + 1);
    expect(batch.count).toBeGreaterThan(0);
    expect(batch.count).toBeLessThanOrEqual(limit);
    for (let i = 0; i < batch.count; i++) out.push(batch.text(i));
    expect(batch.bytes.toString('utf8').split('\n')).toHaveLength(batch.count);
  }
  return out;
}

describe('byteBatches', () => {
  it('cuts the lines readline reads, numbered alike, under any chunking and limits', async () => {
    const rand = lcg(7);
    for (let run = 0; run < 400; run++) {
      const bytes = randomInput(rand);
      const limits = { lines: 1 + Math.floor(rand() * 6), bytes: 1 + Math.floor(rand() * 40) };
      const got = await batchLines(byteBatches(chunks(bytes, rand), limits, addon), limits.lines);
      expect(got, JSON.stringify(bytes.toString('latin1'))).toEqual(await readlineLines(bytes));
    }
  });

  it('reads a reader to its end, in JS-allocated or the addon\'s buffers alike, and closes it', async () => {
    const rand = lcg(11);
    for (let run = 0; run < 200; run++) {
      const bytes = randomInput(rand);
      const limits = { lines: 1 + Math.floor(rand() * 6), bytes: 1 + Math.floor(rand() * 40) };
      const input = reader(bytes, rand);
      const memory = run % 2 ? addon : { countLines: addon.countLines };
      expect(await batchLines(byteBatches(input, limits, memory), limits.lines)).toEqual(await readlineLines(bytes));
      expect(input.closed).toBe(true);
    }
  });

  it('takes a stream as chunks, though it has a read method of its own', async () => {
    const bytes = Buffer.from('{"a":1}\nnot json\n');
    expect(await batchLines(byteBatches(Readable.from([bytes]), { lines: 10, bytes: 4 }, addon), 10)).toEqual(['{"a":1}', 'not json']);
  });

  it('closes a reader the ingest stops reading early', async () => {
    const input = reader(Buffer.from('{}\n'.repeat(100)), lcg(3));
    for await (const batch of byteBatches(input, { lines: 10, bytes: 8 }, addon)) {
      expect(batch.count).toBeGreaterThan(0);
      break;
    }
    expect(input.closed).toBe(true);
  });

  it('grows its buffer for a line longer than a batch', async () => {
    const long = 'x'.repeat(5000);
    const bytes = Buffer.from(`${long}\n{}\n${long}`);
    expect(await batchLines(byteBatches([bytes], { lines: 100, bytes: 64 }, addon), 100)).toEqual([long, '{}', long]);
  });

  it('keeps a batch within its line limit when lines are short', async () => {
    const bytes = Buffer.from('{}\n'.repeat(1000));
    const sizes: number[] = [];
    for await (const batch of byteBatches([bytes], { lines: 300, bytes: 1 << 20 }, addon)) sizes.push(batch.count);
    expect(sizes).toEqual([300, 300, 300, 100]);
  });

  it('has no batch for empty input and one blank line for a lone line break', async () => {
    expect(await batchLines(byteBatches([], { lines: 10, bytes: 10 }, addon), 10)).toEqual([]);
    expect(await batchLines(byteBatches([Buffer.from('\n')], { lines: 10, bytes: 10 }, addon), 10)).toEqual(['']);
  });
});

describe('stringBatches', () => {
  it('numbers lines across batches and cuts at the line limit', async () => {
    const lines = Array.from({ length: 25 }, (_, i) => `{"i":${i}}`);
    const got = await batchLines(stringBatches(lines, { lines: 10, bytes: 1 << 20 }), 10);
    expect(got).toEqual(lines);
  });
});

describe('countLines', () => {
  it('counts line breaks up to a maximum and says where the last counted one is', () => {
    expect(addon.countLines(Buffer.from('a\nb\nc\n'), 10)).toEqual([3, 5]);
    expect(addon.countLines(Buffer.from('a\nb\nc\n'), 2)).toEqual([2, 3]);
    expect(addon.countLines(Buffer.from('abc'), 10)).toEqual([0, -1]);
  });
});
