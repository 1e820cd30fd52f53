/**
 * Ingest of one call into one index, all-or-nothing (ingest-run.ts): documents become rows, rows
 * parts of up to `partRows` rows. Three ways read NDJSON, each storing exactly what the first does:
 * the JS path (JSON.parse + documentToRow), lib/store/fast (DuckDB's read_ndjson where its answer is
 * certain), and the compiled reader (native/, lib/store/compiled), the default where it is built.
 */
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { ByteInput, IngestOptions, IngestReport, Rejection } from './types';
import type { PartInfo } from './layout';
import { documentToRow, type Row } from './documents';
import type { WrittenPart } from './part-writer';
import { newPartName, rowWriter, runIngest, stagingMemory } from './ingest-run';
import { ingestLinesNatively, parseLine } from './fast/native-lines';
import { Stage } from './fast/stage';
import { compiledIngest, type CompiledIngest } from './compiled/addon';
import { byteBatches, chunksOf, stringBatches, type LineBatch } from './compiled/batches';
import { ingestCompiled } from './compiled/compiled-lines';

export interface IngestTuning {
  /** Rows per part (default 1,000,000). */
  partRows?: number;
  /** Test hook: called after each part is written (before commit); throwing aborts the ingest. */
  afterPart?: (part: PartInfo) => void | Promise<void>;
  /** `false` sends every line through JSON.parse and documentToRow (the reference path). */
  native?: boolean;
  /** Lines per natively read batch (default 100,000 for lib/store/fast, `partRows` for the compiled reader; a batch also ends at 64 Mi characters, or 32 MiB). */
  batchLines?: number;
  /** `false` skips the compiled reader (native/) even where it is built. */
  compiled?: boolean;
  /** The compiled reader writes a batch of at least this many lines as two parts at once (default 262,144). */
  splitLines?: number;
}

/** A parsed input item: a document, or a line already known to be bad. */
export type IngestItem = { line: number; doc: unknown } | { line: number; reason: string };

const DEFAULT_PART_ROWS = 1_000_000;
const DEFAULT_BATCH_LINES = 100_000;
/**
 * The compiled reader's batches, each one part: 32 MiB. Each batch's bytes, its logged rows and the
 * row group DuckDB gathers for it are touched twice (read, then written): small enough, they are
 * still in the CPU's cache the second time, and a machine touches little fresh memory (which a
 * virtual machine makes dear). Bigger batches, measured on the demo's network events: 64 MiB was
 * about 1.15× slower, 256 MiB in two halves about 1.3×.
 */
const COMPILED_BATCH_BYTES = 32 * 2 ** 20;
/**
 * Batches of at least this many lines (short lines) are written as two parts at once; other
 * batches get their second thread from the survey of the next batch, which runs beside the write.
 */
const DEFAULT_SPLIT_LINES = 262_144;

/** The JS path: every document through documentToRow, rows through PartWriter. */
export async function ingestItems(
  dataDir: string,
  index: string,
  items: AsyncIterable<IngestItem> | Iterable<IngestItem>,
  options?: IngestOptions,
  tuning: IngestTuning = {},
): Promise<IngestReport> {
  const partRows = tuning.partRows ?? DEFAULT_PART_ROWS;
  return runIngest(dataDir, index, options, tuning.afterPart, async (run) => {
    const rows = rowWriter(run, partRows);
    for await (const item of items) {
      if ('reason' in item) {
        run.reject({ line: item.line, reason: item.reason });
        continue;
      }
      const result = documentToRow(item.doc, run.schema);
      if (!result.ok) {
        run.reject({ line: item.line, reason: result.reason });
        continue;
      }
      await rows.add(result.row, result.multiValued);
    }
    await rows.end();
  });
}

/** The compiled reader over batches of lines (compiled/); undefined when the addon is not built. */
function ingestBatchesCompiled(
  dataDir: string,
  index: string,
  batches: (limits: { lines: number; bytes: number }, addon: CompiledIngest) => AsyncIterable<LineBatch>,
  options: IngestOptions | undefined,
  tuning: IngestTuning,
): Promise<IngestReport> | undefined {
  const addon = tuning.native === false || tuning.compiled === false ? undefined : compiledIngest();
  if (!addon) return undefined;
  const partRows = tuning.partRows ?? DEFAULT_PART_ROWS;
  const limits = { lines: Math.min(tuning.batchLines ?? partRows, partRows), bytes: COMPILED_BATCH_BYTES };
  return runIngest(dataDir, index, options, tuning.afterPart, async (run) => {
    const sink = {
      splitLines: tuning.splitLines ?? DEFAULT_SPLIT_LINES,
      schema: run.schema,
      partsDir: run.partsDir,
      memoryLimit: stagingMemory(),
      reject: (r: Rejection) => run.reject(r),
      typeOf: (field: string) => run.typeOf(field),
      wrote: (part: WrittenPart) => run.wrote(part),
      async writeRows(rows: { row: Row; multiValued: string[] }[]) {
        const writer = rowWriter(run, partRows);
        for (const { row, multiValued } of rows) await writer.add(row, multiValued);
        await writer.end();
      },
    };
    await ingestCompiled(sink, addon, batches(limits, addon));
  });
}

/**
 * NDJSON as bytes (a file, stdin): the compiled reader where it is built, else decoded to lines
 * for ingestLines.
 */
export async function ingestBytes(
  dataDir: string,
  index: string,
  input: ByteInput,
  options?: IngestOptions,
  tuning: IngestTuning = {},
): Promise<IngestReport> {
  const compiled = ingestBatchesCompiled(dataDir, index, (limits, addon) => byteBatches(input, limits, addon), options, tuning);
  return compiled ?? ingestLines(dataDir, index, createInterface({ input: Readable.from(chunksOf(input)).setEncoding('utf8'), crlfDelay: Infinity }), options, tuning);
}

/**
 * NDJSON lines, read natively by DuckDB where the JS path's answer is certain to be the same
 * (fast/native-lines.ts), else through the JS path; `tuning.native: false` forces the JS path.
 */
export async function ingestLines(
  dataDir: string,
  index: string,
  lines: AsyncIterable<string> | Iterable<string>,
  options?: IngestOptions,
  tuning: IngestTuning = {},
): Promise<IngestReport> {
  if (tuning.native === false) return ingestItems(dataDir, index, linesToItems(lines), options, tuning);
  const compiled = ingestBatchesCompiled(dataDir, index, (limits) => stringBatches(lines, limits), options, tuning);
  if (compiled) return compiled;
  const partRows = tuning.partRows ?? DEFAULT_PART_ROWS;
  return runIngest(dataDir, index, options, tuning.afterPart, async (run) => {
    const conn = await run.connection();
    const stage = new Stage(conn, run.partsDir, (f) => run.typeOf(f));
    await ingestLinesNatively(
      {
        schema: run.schema,
        stage,
        conn,
        partsDir: run.partsDir,
        batchLines: tuning.batchLines ?? DEFAULT_BATCH_LINES,
        reject: (r) => run.reject(r),
        afterBatch: async () => {
          while (stage.rows >= partRows) await run.wrote(await stage.writePart(newPartName(), partRows));
        },
      },
      lines,
    );
    if (stage.rows > 0) await run.wrote(await stage.writePart(newPartName(), stage.rows));
    await stage.drop();
  });
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

export async function* docsToItems(docs: AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<IngestItem> {
  let line = 0;
  for await (const doc of docs) yield { line: ++line, doc };
}
