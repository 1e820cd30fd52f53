/**
 * NDJSON for the reference ingest path: bytes to lines (numbered as readline numbers them), lines
 * to parsed items. The native reader (lib/store/native) asks `parseLine` for every line it leaves to JS,
 * so both paths word a bad line alike.
 */
import 'server-only';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ByteInput } from './types';
import { chunksOf } from './native/batches';
import { mayHoldBigInteger, parseWithBigIntegers } from './big-integers';

/** A parsed input item: a document, or a line already known to be bad. */
export type IngestItem = { line: number; doc: unknown } | { line: number; reason: string };

/** A line's outcome when JSON.parse reads it. */
export function parseLine(text: string): { doc: unknown } | { reason: string } {
  try {
    const doc = JSON.parse(text) as unknown;
    // parsed once as is, so a bad line's message is JSON.parse's own
    return { doc: mayHoldBigInteger(text) ? parseWithBigIntegers(text) : doc };
  } catch (e) {
    return { reason: `invalid JSON: ${(e as Error).message}` };
  }
}

/** NDJSON lines → items: blank lines skipped, bad JSON rejected with the parser's message. */
export async function* linesToItems(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<IngestItem> {
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    yield { line, ...parseLine(text) };
  }
}

/**
 * The stream's lines as readline splits them (`\n`, `\r\n`, a lone `\r`), streamed (a 1 GB NDJSON
 * file never sits in memory). The interface is made only when the first line is asked for, and
 * iterated at once: readline emits lines as soon as its input flows, and drops every line emitted
 * before its async iterator exists (a run that awaits the index lock first lost the start of its
 * input that way).
 */
export async function* readLines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) yield line;
  } finally {
    lines.close();
  }
}

/** The input's lines (readLines over its bytes, decoded as UTF-8). */
export async function* bytesToLines(input: ByteInput): AsyncGenerator<string> {
  const stream = Readable.from(chunksOf(input)).setEncoding('utf8');
  try {
    yield* readLines(stream);
  } finally {
    // an ingest that stops early must still close the input (a file's handle)
    stream.destroy();
  }
}

/**
 * `lines` with its iterator taken now, before the caller awaits anything: a readline interface
 * handed in buffers its lines only from that moment on. `done()` ends the iteration however the
 * ingest ended (a finished iterator ignores it).
 */
export function iterateNow<T>(lines: AsyncIterable<T> | Iterable<T>): { items: AsyncIterable<T> | Iterable<T>; done(): Promise<void> } {
  if (!(Symbol.asyncIterator in lines)) return { items: lines, done: async () => {} };
  const iterator = lines[Symbol.asyncIterator]();
  return {
    items: { [Symbol.asyncIterator]: () => iterator },
    async done() {
      await iterator.return?.();
    },
  };
}

export async function* docsToItems(docs: AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<IngestItem> {
  let line = 0;
  for await (const doc of docs) yield { line: ++line, doc };
}
