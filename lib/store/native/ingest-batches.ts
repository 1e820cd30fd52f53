/**
 * The native ingest: each batch of lines goes to the addon (native/), which reads every line it
 * can take exactly straight into DuckDB vectors and writes the batch as a part (or, for a batch of
 * many short lines, its two halves as two parts at once).
 * The lines it cannot take (odd values, rejections, fields the mapping does not know yet) come
 * back here: the JS path reads them, in line order, and hands its rows back for their places.
 */
import 'server-only';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { documentToRow, type DocumentSchema, type Row } from '../documents';
import { MV_SUFFIX } from '../layout';
import type { PhysicalType } from '../mapping';
import type { WrittenPart } from '../part-writer';
import type { Rejection } from '../types';
import { parseLine } from '../ndjson';
import { newPartName } from '../ingest-run';
import { partWriteFailure } from '../write-failure';
import { mayHoldIdKey } from '../document-id';
import type { BatchHandle, NativeAddon, SessionHandle } from './addon';
import type { LineBatch } from './batches';

export interface NativeSink {
  /** Batches of at least this many lines are written as two parts, one per thread. */
  splitLines: number;
  schema: DocumentSchema;
  partsDir: string;
  memoryLimit: string;
  reject(r: Rejection): void;
  typeOf(field: string): PhysicalType | undefined;
  wrote(part: WrittenPart): Promise<void>;
  /** The JS path's writer, for a batch the addon refuses as a whole (in line order). */
  writeRows(rows: { row: Row; multiValued: string[] }[]): Promise<void>;
}

/** A line the JS path read: its row, or nothing (a blank or rejected line). */
type JsAnswer = { row: Row; multiValued: string[] } | null;

/**
 * The mapping as the addon reads it (FlatMapping). Rebuilt per batch: dynamic mappings grow. Under
 * a template (ECS) an unmapped path may be a template field: called dynamic, so that the reader
 * leaves every unmapped path to the JS path, which maps it. `unicode`: the reader lower-cases
 * beyond ASCII only with the Unicode version its table was made from (native/gen-lowercase.mjs).
 */
function specOf(schema: DocumentSchema): string {
  const { flat } = schema;
  const dynamic = flat.dynamic || schema.template !== undefined;
  return JSON.stringify({ dynamic, objects: [...flat.objects], fields: flat.fields, unicode: process.versions.unicode });
}

function readInJs(sink: NativeSink, text: string, line: number): JsAnswer {
  if (text.trim() === '') return null;
  const parsed = parseLine(text);
  if ('reason' in parsed) {
    sink.reject({ line, reason: parsed.reason });
    return null;
  }
  const result = documentToRow(parsed.doc, sink.schema);
  if (!result.ok) {
    sink.reject({ line, reason: result.reason });
    return null;
  }
  return { row: result.row, multiValued: result.multiValued };
}

/** A value as JSON; an unsigned_long (a bigint) as its exact digits, which the addon reads as such. */
function valueJson(v: unknown): string {
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v) && v.some((x) => typeof x === 'bigint')) return `[${v.map(valueJson).join(',')}]`;
  return JSON.stringify(v);
}

/** The row as a JSON object, its columns in the row's order (no -0 to lose: coerce.ts stores 0). */
function rowJson(row: Row): string {
  return `{${[...row].map(([k, v]) => `${JSON.stringify(k)}:${valueJson(v)}`).join(',')}}`;
}

/** Lines the reader could not take, through the JS path: what the addon's second pass needs. */
function answerUntakeable(sink: NativeSink, batch: LineBatch, untakeable: number[]): { answers: Map<number, JsAnswer>; rows: (string | null)[]; types: [string, PhysicalType][] } {
  const answers = new Map<number, JsAnswer>();
  const rows: (string | null)[] = [];
  const types = new Map<string, PhysicalType>();
  for (const i of untakeable) {
    const answer = readInJs(sink, batch.text(i), batch.firstLine + i);
    answers.set(i, answer);
    rows.push(answer ? rowJson(answer.row) : null);
    if (!answer) continue;
    for (const column of answer.row.keys()) {
      const field = column.endsWith(MV_SUFFIX) ? column.slice(0, -MV_SUFFIX.length) : column;
      const type = sink.typeOf(field);
      if (type) types.set(column, type);
    }
  }
  return { answers, rows, types: [...types] };
}

/**
 * A batch read, its rejections reported and its new fields mapped, in input order; what is left
 * is to write it, which may run while the next batch is read. Writing reads no line that could
 * reject or map anything: the lines the reader took hold only fields the mapping knows.
 */
type Prepared = { kind: 'js'; rows: { row: Row; multiValued: string[] }[] } | { kind: 'native'; batch: LineBatch; surveyed: { batch: BatchHandle; untakeable: number[] }; answers: Map<number, JsAnswer>; rows: (string | null)[]; types: [string, PhysicalType][] };

/** Every line of a batch through the JS path (the answers known so far reused), in line order. */
function readAllInJs(sink: NativeSink, batch: LineBatch, known: Map<number, JsAnswer>): { row: Row; multiValued: string[] }[] {
  const rows: { row: Row; multiValued: string[] }[] = [];
  for (let i = 0; i < batch.count; i++) {
    const answer = known.has(i) ? known.get(i)! : readInJs(sink, batch.text(i), batch.firstLine + i);
    if (answer) rows.push(answer);
  }
  return rows;
}

async function prepareBatch(sink: NativeSink, addon: NativeAddon, session: SessionHandle, batch: LineBatch): Promise<Prepared> {
  if (mayHoldIdKey(batch.bytes)) return { kind: 'js', rows: readAllInJs(sink, batch, new Map()) };
  const surveyed = await addon.survey(session, batch.bytes, batch.count, specOf(sink.schema), batch.count >= sink.splitLines, batch.fromText);
  if ('whole' in surveyed) return { kind: 'js', rows: readAllInJs(sink, batch, new Map()) };
  try {
    return { kind: 'native', batch, surveyed, ...answerUntakeable(sink, batch, surveyed.untakeable) };
  } catch (e) {
    addon.release(surveyed.batch);
    throw e;
  }
}

async function writeBatch(sink: NativeSink, addon: NativeAddon, session: SessionHandle, prepared: Prepared): Promise<void> {
  if (prepared.kind === 'js') return sink.writeRows(prepared.rows);
  const { batch, surveyed, answers, rows, types } = prepared;
  const names = [newPartName(), newPartName()];
  const files: [string, string] = [path.join(sink.partsDir, `.tmp-${names[0]}`), path.join(sink.partsDir, `.tmp-${names[1]}`)];
  const removeFiles = () => files.forEach((file) => rmSync(file, { force: true }));
  const written = await addon.write(session, surveyed.batch, surveyed.untakeable, rows, types, files).catch((e: unknown) => {
    removeFiles();
    throw partWriteFailure(e, names[0]);
  });
  if ('error' in written) {
    removeFiles();
    return sink.writeRows(readAllInJs(sink, batch, answers));
  }
  // the addon fsynced each part (one the run never hears of, after a failure, goes with its temporaries)
  const parts = written.parts.map(({ file, multiValued, ...info }) => ({ tmpPath: file, multiValued, info: { ...info, file: names[files.indexOf(file)] } }));
  for (const part of parts) await sink.wrote(part);
}

/**
 * Batch after batch, in order, with the survey of one running while the one before is written:
 * the two passes of a batch cannot overlap (a part's columns are known only once it is surveyed),
 * those of neighbouring batches can, and so each pass gets a core.
 */
export async function ingestNative(sink: NativeSink, addon: NativeAddon, batches: AsyncIterable<LineBatch>): Promise<void> {
  const session = addon.open({ memoryLimit: sink.memoryLimit, tempDirectory: path.join(sink.partsDir, '.tmp-spill') });
  const reader = batches[Symbol.asyncIterator]();
  let writing: Promise<void> = Promise.resolve();
  let pending: Prepared | undefined;
  try {
    // the next batch's bytes are read while this one is surveyed: reading is JS's, the passes the addon's threads'
    let next = reader.next();
    for (;;) {
      const { done, value } = await next;
      if (done) break;
      next = reader.next();
      // a failure below leaves `next` unawaited: it must not become an unhandled rejection
      next.catch(() => undefined);
      pending = await prepareBatch(sink, addon, session, value);
      await writing;
      const prepared = pending;
      pending = undefined;
      writing = writeBatch(sink, addon, session, prepared);
      writing.catch(() => undefined);
    }
    await writing;
  } finally {
    // never close the session under a running write
    await writing.catch(() => undefined);
    if (pending?.kind === 'native') addon.release(pending.surveyed.batch);
    await reader.return?.(undefined);
    addon.close(session);
  }
}
