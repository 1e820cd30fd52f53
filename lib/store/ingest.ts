/**
 * Ingest of one call into one index, all-or-nothing (ingest-run.ts): documents become rows, rows
 * parts of up to `partRows` rows. Two ways read NDJSON and store the same rows: the reference path
 * (JSON.parse + documentToRow, `ingestItems`) and the native reader (the C++ addon in native/,
 * driven from lib/store/native), the default where it is built; ingest-paths.differential.test.ts
 * holds them to that.
 */
import 'server-only';
import type { ByteInput, IngestOptions, IngestReport, Rejection } from './types';
import type { PartInfo } from './layout';
import { documentToRow, type Row } from './documents';
import type { WrittenPart } from './part-writer';
import { rowWriter, runIngest, stagingMemory } from './ingest-run';
import { bytesToLines, iterateNow, linesToItems, type IngestItem } from './ndjson';
import { nativeAddon, type NativeAddon } from './native/addon';
import { byteBatches, stringBatches, type BatchLimits, type LineBatch } from './native/batches';
import { ingestNative } from './native/ingest-batches';

export type { IngestItem } from './ndjson';

export interface IngestTuning {
  /** Rows per part (default 1,000,000). */
  partRows?: number;
  /** Test hook: called after each part is written (before commit); throwing aborts the ingest. */
  afterPart?: (part: PartInfo) => void | Promise<void>;
  /** `false` sends every line through the reference path even where the native reader (native/) is built. */
  native?: boolean;
  /** Lines per native batch (default and at most `partRows`). */
  batchLines?: number;
  /** Bytes per native batch (default 32 MiB); a longer line gets a batch of its own size. */
  batchBytes?: number;
  /** The native reader writes a batch of at least this many lines as two parts at once (default 262,144). */
  splitLines?: number;
}

const DEFAULT_PART_ROWS = 1_000_000;
/**
 * The native reader's batches, each one part: 32 MiB. Each batch's bytes, its logged rows and the
 * row group DuckDB gathers for it are touched twice (read, then written): small enough, they are
 * still in the CPU's cache the second time, and a machine touches little fresh memory (which a
 * virtual machine makes dear). Bigger batches, measured on the demo's network events: 64 MiB was
 * about 1.15× slower, 256 MiB in two halves about 1.3×.
 */
const NATIVE_BATCH_BYTES = 32 * 2 ** 20;
/**
 * Batches of at least this many lines (short lines) are written as two parts at once; other
 * batches get their second thread from the survey of the next batch, which runs beside the write.
 */
const DEFAULT_SPLIT_LINES = 262_144;

/** The reference path: every document through documentToRow, rows through PartWriter. */
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

/** The native reader over batches of lines; undefined when the addon is not built or is turned off. */
function ingestBatchesNative(
  dataDir: string,
  index: string,
  batches: (limits: BatchLimits, addon: NativeAddon) => AsyncIterable<LineBatch>,
  options: IngestOptions | undefined,
  tuning: IngestTuning,
): Promise<IngestReport> | undefined {
  const addon = tuning.native === false ? undefined : nativeAddon();
  if (!addon) return undefined;
  const partRows = tuning.partRows ?? DEFAULT_PART_ROWS;
  const limits = { lines: Math.min(tuning.batchLines ?? partRows, partRows), bytes: tuning.batchBytes ?? NATIVE_BATCH_BYTES };
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
    await ingestNative(sink, addon, batches(limits, addon));
  });
}

/** NDJSON as bytes (a file, stdin): the native reader where it is built, else the reference path. */
export async function ingestBytes(
  dataDir: string,
  index: string,
  input: ByteInput,
  options?: IngestOptions,
  tuning: IngestTuning = {},
): Promise<IngestReport> {
  const native = ingestBatchesNative(dataDir, index, (limits, addon) => byteBatches(input, limits, addon), options, tuning);
  return native ?? ingestItems(dataDir, index, linesToItems(bytesToLines(input)), options, tuning);
}

/** NDJSON lines: the native reader where it is built, else the reference path. */
export async function ingestLines(
  dataDir: string,
  index: string,
  lines: AsyncIterable<string> | Iterable<string>,
  options?: IngestOptions,
  tuning: IngestTuning = {},
): Promise<IngestReport> {
  const { items, done } = iterateNow(lines);
  try {
    const native = ingestBatchesNative(dataDir, index, (limits) => stringBatches(items, limits), options, tuning);
    return await (native ?? ingestItems(dataDir, index, linesToItems(items), options, tuning));
  } finally {
    await done();
  }
}
