/**
 * The bundle file written as a stream: the JSON produced piece by piece (a million-row run is
 * never one string) and gzip-compressed by zlib's thread pool, with a turn of the event loop
 * whenever a slice of work has taken a few milliseconds. The bytes are the same document
 * encodeBundle writes in one go, which a request thread must not do for a big week.
 */
import 'server-only';
import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createGzip } from 'node:zlib';
import type { Bundle } from './format';

/** Array elements serialised per piece; a piece of a large array is one JSON.stringify call. */
const ELEMENTS_PER_PIECE = 2_000;
/** Longest run of serialising before other requests get a turn. */
const SLICE_MS = 15;
/** Text collected before it is handed to gzip. */
const CHUNK_CHARS = 256 * 1024;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * JSON text of `value` in pieces, equal once joined to JSON.stringify(value) for plain data.
 * Objects (a run, an events entry) are taken apart key by key; runs of other array elements (a
 * result's rows) are serialised ELEMENTS_PER_PIECE at a time.
 */
export function* jsonPieces(value: unknown): Generator<string> {
  if (Array.isArray(value)) {
    yield '[';
    let batch: unknown[] = [];
    let written = 0;
    const flush = function* () {
      if (batch.length === 0) return;
      yield `${written > 0 ? ',' : ''}${JSON.stringify(batch).slice(1, -1)}`;
      written += batch.length;
      batch = [];
    };
    for (const element of value) {
      if (isPlainObject(element)) {
        yield* flush();
        if (written > 0) yield ',';
        yield* jsonPieces(element);
        written++;
      } else {
        batch.push(element === undefined || typeof element === 'function' ? null : element);
        if (batch.length >= ELEMENTS_PER_PIECE) yield* flush();
      }
    }
    yield* flush();
    yield ']';
    return;
  }
  if (isPlainObject(value)) {
    yield '{';
    let first = true;
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined || typeof v === 'function') continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* jsonPieces(v);
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}

async function* jsonChunks(bundle: Bundle): AsyncGenerator<Buffer> {
  let text = '';
  let sliceStart = performance.now();
  for (const piece of jsonPieces(bundle)) {
    text += piece;
    if (text.length >= CHUNK_CHARS) {
      yield Buffer.from(text, 'utf8');
      text = '';
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  if (text) yield Buffer.from(text, 'utf8');
}

/** The gzip file as a web stream, for a Response body. */
export function bundleStream(bundle: Bundle): ReadableStream<Uint8Array> {
  const gzip = Readable.from(jsonChunks(bundle)).pipe(createGzip());
  return Readable.toWeb(gzip) as ReadableStream<Uint8Array>;
}
