/**
 * NDJSON input cut into batches of whole lines for the native ingest: from JS strings (one per
 * line) or straight from bytes, so that a file's lines need never become JS strings. Lines are
 * numbered as `huntboard ingest` numbers them (readline: `\n`, `\r\n` and a lone `\r` end a line).
 */

import 'server-only';
import { StringDecoder } from 'node:string_decoder';
import type { ByteInput, ByteReader } from '../types';
import type { CountLines } from './addon';

export interface LineBatch {
  /** The batch's lines joined by '\n' (no trailing one), as UTF-8. */
  bytes: Buffer;
  count: number;
  /** 1-based number of the batch's first line in the input. */
  firstLine: number;
  /** The text of line `i` (0-based in the batch), as readline would give it. */
  text(i: number): string;
  /** The bytes were JS strings, so U+FFFD in them may stand for a lone surrogate. */
  fromText: boolean;
}

export interface BatchLimits {
  lines: number;
  bytes: number;
}

function fromStrings(texts: string[], firstLine: number): LineBatch {
  return { bytes: Buffer.from(texts.join('\n')), count: texts.length, firstLine, text: (i) => texts[i], fromText: true };
}

export async function* stringBatches(lines: AsyncIterable<string> | Iterable<string>, limits: BatchLimits): AsyncGenerator<LineBatch> {
  let texts: string[] = [];
  let chars = 0;
  let next = 1;
  for await (const text of lines) {
    texts.push(text);
    chars += text.length;
    if (texts.length >= limits.lines || chars >= limits.bytes) {
      yield fromStrings(texts, next);
      next += texts.length;
      texts = [];
      chars = 0;
    }
  }
  if (texts.length) yield fromStrings(texts, next);
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Text as readline's stream decoder makes it: the bytes, then the '\n' that follows them in the
 * input (or the input's end), which settles an unfinished character as the stream would.
 */
function decode(bytes: Buffer, atEnd: boolean): string {
  const decoder = new StringDecoder('utf8');
  return atEnd ? decoder.write(bytes) + decoder.end() : decoder.write(Buffer.concat([bytes, NEWLINE])).slice(0, -1);
}

const NEWLINE = Buffer.from('\n');

/** Whole lines of `bytes` (which ends just before a '\n', or at the input's end); `count` of them. */
function fromBytes(bytes: Buffer, count: number, firstLine: number, limit: number, atEnd: boolean): LineBatch[] {
  if (bytes.includes(CR)) {
    // readline also breaks at a lone '\r': such input goes the way of JS strings (more lines, so re-cut)
    const texts = (decode(bytes, atEnd) + '\n').split(/\r\n|\r|\n/);
    texts.pop();
    const out: LineBatch[] = [];
    for (let at = 0; at < texts.length; at += limit) out.push(fromStrings(texts.slice(at, at + limit), firstLine + at));
    return out;
  }
  let starts: number[] | undefined;
  const text = (i: number) => {
    // only the lines the native reader leaves to JS are ever asked for
    if (!starts) {
      starts = [0];
      for (let at = bytes.indexOf(LF); at >= 0; at = bytes.indexOf(LF, at + 1)) starts.push(at + 1);
    }
    const last = i + 1 >= starts.length;
    return decode(bytes.subarray(starts[i], last ? bytes.length : starts[i + 1] - 1), last && atEnd);
  };
  return [{ bytes, count, firstLine, text, fromText: false }];
}

/** Iterables are chunks, even a stream (whose `read` is no ByteReader's). */
function isReader(input: ByteInput): input is ByteReader {
  return !(Symbol.asyncIterator in input) && !(Symbol.iterator in input);
}

/** Chunks (stdin, a test's pieces) as a reader: each copied once into the batch's buffer. */
function chunkReader(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): ByteReader {
  const iterator = Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]();
  let pending: Buffer = Buffer.alloc(0);
  return {
    async read(into, offset, length) {
      while (pending.length === 0) {
        const { done, value } = await iterator.next();
        if (done) return 0;
        pending = typeof value === 'string' ? Buffer.from(value) : value;
      }
      const n = pending.copy(into, offset, 0, Math.min(length, pending.length));
      pending = pending.subarray(n);
      return n;
    },
    async close() {
      await iterator.return?.();
    },
  };
}

/** The input's chunks, for the paths that take chunks (the addon is not built). */
export async function* chunksOf(input: ByteInput): AsyncGenerator<Buffer | string> {
  if (!isReader(input)) return yield* input;
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(4 * 2 ** 20);
      const n = await input.read(chunk, 0, chunk.length);
      if (n === 0) return;
      yield chunk.subarray(0, n);
    }
  } finally {
    await input.close?.();
  }
}

export interface BatchMemory {
  countLines: CountLines;
  /** A buffer of `size` bytes, for the batches' bytes (the addon's, in huge pages). */
  allocate?(size: number): Buffer;
}

/**
 * Three buffers the batches' bytes take turns in, reused: a fresh one per batch would cost a page
 * fault per 4 KiB. A buffer is filled again three fills later, when the ingest (which holds at
 * most the batch it writes, the one it surveys and the one read ahead) is done with its batches.
 */
class BufferRing {
  private readonly buffers: Buffer[] = [];
  private turn = 0;

  constructor(private readonly allocate: (size: number) => Buffer) {}

  take(size: number): Buffer {
    const i = this.turn++ % 3;
    if (!this.buffers[i] || this.buffers[i].length < size) this.buffers[i] = this.allocate(size);
    return this.buffers[i];
  }

  /** The buffer just taken, grown to `size` with its first `keep` bytes kept. */
  grow(buffer: Buffer, size: number, keep: number): Buffer {
    const grown = this.allocate(size);
    buffer.copy(grown, 0, 0, keep);
    this.buffers[(this.turn - 1) % 3] = grown;
    return grown;
  }
}

/**
 * Whole lines, at most `limits.lines` per batch, each batch about `limits.bytes` long: a buffer of
 * that size is filled from the input, then every full batch in it is cut (by the addon's
 * `countLines`: a JS loop over the line breaks would cost more than reading the lines), and the
 * unfinished last line is carried to the next buffer. A line longer than a buffer grows it.
 */
export async function* byteBatches(input: ByteInput, limits: BatchLimits, memory: BatchMemory): AsyncGenerator<LineBatch> {
  const reader = isReader(input) ? input : chunkReader(input);
  const ring = new BufferRing((size) => {
    try {
      if (memory.allocate) return memory.allocate(size);
    } catch {
      // a runtime without external buffers (a V8 sandbox): the JS heap's own memory serves
    }
    return Buffer.allocUnsafeSlow(size);
  });
  const capacity = Math.max(1, limits.bytes);
  let next = 1;
  let carry: Buffer = Buffer.alloc(0);
  let final = false;
  try {
    while (!final) {
      let buffer = ring.take(Math.max(capacity, carry.length + 1));
      let filled = carry.copy(buffer, 0);
      for (;;) {
        while (filled < buffer.length && !final) {
          const n = await reader.read(buffer, filled, buffer.length - filled);
          if (n === 0) final = true;
          filled += n;
        }
        // a line that does not fit: a bigger buffer, then read on
        if (final || buffer.subarray(0, filled).includes(LF)) break;
        buffer = ring.grow(buffer, buffer.length * 2, filled);
      }
      let all = buffer.subarray(0, filled);
      for (;;) {
        const [breaks, last] = memory.countLines(all, limits.lines);
        const full = breaks === limits.lines;
        if (!full && !final && last < 0) break;
        if (!full && final && all.length === 0) break;
        // a final '\n' ends the last line; it does not start another
        const endsWithBreak = last >= 0 && last === all.length - 1;
        const end = full || !final ? last : endsWithBreak ? last : all.length;
        const count = full || !final || endsWithBreak ? breaks : breaks + 1;
        const atEnd = final && !full && end === all.length;
        for (const batch of fromBytes(all.subarray(0, end), count, next, limits.lines, atEnd)) {
          next += batch.count;
          yield batch;
        }
        all = all.subarray(Math.min(end + 1, all.length));
        if (!full) break;
      }
      // the next buffer is another: these bytes may still be a batch's neighbours in this one
      carry = Buffer.from(all);
    }
  } finally {
    await reader.close?.();
  }
}
