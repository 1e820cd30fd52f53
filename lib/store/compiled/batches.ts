/**
 * NDJSON input cut into batches of whole lines for the compiled ingest: from JS strings (one per
 * line) or straight from bytes, so that a file's lines need never become JS strings. Lines are
 * numbered as `huntboard ingest` numbers them (readline: `\n`, `\r\n` and a lone `\r` end a line).
 */

import { StringDecoder } from 'node:string_decoder';
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
    // only the lines the compiled reader leaves to JS are ever asked for
    if (!starts) {
      starts = [0];
      for (let at = bytes.indexOf(LF); at >= 0; at = bytes.indexOf(LF, at + 1)) starts.push(at + 1);
    }
    const last = i + 1 >= starts.length;
    return decode(bytes.subarray(starts[i], last ? bytes.length : starts[i + 1] - 1), last && atEnd);
  };
  return [{ bytes, count, firstLine, text, fromText: false }];
}

/**
 * Two buffers the batches' bytes take turns in, reused: a fresh one per batch would cost a page
 * fault per 4 KiB. A buffer is taken again two cuts later, when the ingest (which holds at most
 * the batch it writes and the one read ahead) is done with every batch cut from it.
 */
class BufferPair {
  private readonly buffers: Buffer[] = [];
  private turn = 0;

  take(size: number): Buffer {
    const i = this.turn++ % 2;
    if (!this.buffers[i] || this.buffers[i].length < size) this.buffers[i] = Buffer.allocUnsafeSlow(Math.max(size, this.buffers[i]?.length ?? 0));
    return this.buffers[i].subarray(0, size);
  }
}

/**
 * Whole lines, at most `limits.lines` per batch, each batch about `limits.bytes` long: bytes
 * gather until there are that many, then every full batch in them is cut. `countLines` is the
 * addon's: a JS loop over the line breaks would cost more than reading the lines. A batch's bytes
 * stay as they are until the batch two cuts later is read: the caller is done with it by then.
 */
export async function* byteBatches(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, limits: BatchLimits, countLines: CountLines): AsyncGenerator<LineBatch> {
  let held: Buffer[] = [];
  let size = 0;
  let next = 1;
  const pair = new BufferPair();
  const cutBatches = function* (final: boolean): Generator<LineBatch> {
    let all = pair.take(size);
    let at = 0;
    for (const chunk of held) at += chunk.copy(all, at);
    for (;;) {
      const [breaks, last] = countLines(all, limits.lines);
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
    held = all.length ? [all] : [];
    size = all.length;
  };
  for await (const chunk of chunks) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    held.push(buffer);
    size += buffer.length;
    if (size >= limits.bytes) yield* cutBatches(false);
  }
  if (size > 0) yield* cutBatches(true);
}
