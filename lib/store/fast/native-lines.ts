/**
 * NDJSON lines into the staging table, mostly without JSON.parse: each line's shape is scanned in
 * JS (shape-scan.ts) and planned against the mapping (shape-plan.ts); planned lines are written,
 * with their line number, to a batch file DuckDB reads and converts natively (batch-sql.ts) while
 * JS scans the next batch. Everything else — lines the scanner or plan refuse, rows a native
 * conversion flags, a batch DuckDB cannot read — takes the exact JS path, in line order, so the
 * result is the JS path's, row for row, rejection for rejection.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToCallbacks } from 'node:timers/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { addTemplateField, documentToRow, type DocumentSchema, type Row } from '../documents';
import type { Rejection } from '../types';
import { quoteString } from '../sql-text';
import { batchSql, LINE_COLUMN, readKey } from './batch-sql';
import { scanShape } from './shape-scan';
import { shapeRegex } from './shape-regex';
import { planShape, type PlannedLeaf, type ShapePlan } from './shape-plan';
import type { Stage } from './stage';
import { registerParsers } from './udf';

export interface NativeSink {
  schema: DocumentSchema;
  stage: Stage;
  conn: DuckDBConnection;
  partsDir: string;
  reject(r: Rejection): void;
  /** Called after each batch: the caller cuts parts. */
  afterBatch(): Promise<void>;
  batchLines: number;
}

/** A line's outcome when JSON.parse reads it, as linesToItems words it. */
export function parseLine(text: string): { doc: unknown } | { reason: string } {
  try {
    return { doc: JSON.parse(text) as unknown };
  } catch (e) {
    return { reason: `invalid JSON: ${(e as Error).message}` };
  }
}

interface Batch {
  /** Text of every non-blank line, by line number. */
  texts: Map<number, string>;
  /** Planned lines, their line number injected as LINE_COLUMN, for DuckDB. */
  native: string[];
  /** The line numbers of `native`. */
  lines: number[];
  /** Lines for the JS path from the start. */
  slow: number[];
  /** One declaration per path: the first shape's; shapes reading a path otherwise take the JS path. */
  leaves: Map<string, PlannedLeaf>;
  shapes: Map<string, boolean>;
  /** Paths some admitted line holds as `[]`: they may only be declared as lists. */
  listsOnly: Set<string>;
  chars: number;
}

function newBatch(): Batch {
  return { texts: new Map(), native: [], lines: [], slow: [], leaves: new Map(), shapes: new Map(), listsOnly: new Set(), chars: 0 };
}

/** The plans of shapes seen, valid while the mapping has not grown. */
class PlanCache {
  private plans = new Map<string, ShapePlan>();
  private size = -1;

  get(shape: string, schema: DocumentSchema): ShapePlan {
    if (schema.flat.fields.length !== this.size) {
      this.plans.clear();
      this.size = schema.flat.fields.length;
    }
    let plan = this.plans.get(shape);
    if (!plan) {
      plan = planShape(shape, schema);
      if (plan.fast && plan.adds.length) {
        for (const p of plan.adds) if (!schema.flat.byName.has(p)) addTemplateField(schema, schema.template!, p);
        // the mapping grew: the plan stays right, but its adds are now plain leaves
        this.size = schema.flat.fields.length;
      }
      if (this.plans.size < 10_000) this.plans.set(shape, plan);
    }
    return plan;
  }
}

/**
 * The shapes of the last lines, as regular expressions: a line matching one needs no scan.
 * Others are scanned (shape-scan.ts), which is several times slower.
 */
class RecentShapes {
  private readonly compiled = new Map<string, RegExp | null>();
  private recent: { shape: string; regex: RegExp }[] = [];

  match(text: string): string | undefined {
    for (const r of this.recent) if (r.regex.test(text)) return r.shape;
    // a line break inside a line (JSON whitespace) would split it in the batch file; the
    // regular expressions admit none
    if (text.includes('\n') || text.includes('\r')) return undefined;
    const scan = scanShape(text);
    return scan.ok ? scan.shape : undefined;
  }

  remember(shape: string): void {
    if (this.recent[0]?.shape === shape) return;
    let regex = this.compiled.get(shape);
    if (regex === undefined) {
      regex = shapeRegex(shape) ?? null;
      if (this.compiled.size < 10_000) this.compiled.set(shape, regex);
    }
    if (!regex) return;
    this.recent = [{ shape, regex }, ...this.recent.filter((r) => r.shape !== shape)].slice(0, 4);
  }
}

/**
 * Whether the batch can read this shape's lines with the columns it declares for all its lines
 * (and declares what the shape adds). One declaration per path: a path read as a scalar for some
 * lines and as a list for others, or holding `[]` where it is read as a scalar, sends the later
 * shape to the JS path.
 */
function admit(batch: Batch, shape: string, plan: ShapePlan & { fast: true }): boolean {
  const known = batch.shapes.get(shape);
  if (known !== undefined) return known;
  const ok =
    plan.leaves.every((leaf) => {
      const declared = batch.leaves.get(leaf.path);
      if (declared && readKey(declared) !== readKey(leaf)) return false;
      return leaf.array || !batch.listsOnly.has(leaf.path);
    }) && plan.emptyArrays.every((path) => batch.leaves.get(path)?.array ?? true);
  if (ok) {
    for (const leaf of plan.leaves) if (!batch.leaves.has(leaf.path)) batch.leaves.set(leaf.path, leaf);
    for (const path of plan.emptyArrays) batch.listsOnly.add(path);
  }
  batch.shapes.set(shape, ok);
  return ok;
}

let batchFileSeq = 0;

/**
 * Longer lines take the JS path: the reader's buffers grow with its largest allowed object, and
 * large buffers cost more per batch than they save.
 */
const MAX_NATIVE_LINE = 262_144;
/** A batch also ends at this many characters, so memory stays bounded whatever the line length. */
const MAX_BATCH_CHARS = 64 * 2 ** 20;

/** A document key cannot start with a dot (shape-plan refuses it), so the injected one never collides. */
const LINE_KEY = `"${LINE_COLUMN}":`;

/** Runs one batch's native read; resolves to the lines DuckDB flagged, or all of them if it failed. */
async function runNative(sink: NativeSink, batch: Batch): Promise<number[]> {
  if (!batch.native.length) return [];
  const file = path.join(sink.partsDir, `.tmp-batch-${process.pid}-${++batchFileSeq}.ndjson`);
  try {
    writeFileSync(file, batch.native.join('\n'));
    const sql = batchSql([...batch.leaves.values()]);
    await sink.stage.ensureColumns(sql.outputs);
    const reader = `read_ndjson(${quoteString(file)}, columns=${sql.columns}, format='newline_delimited', maximum_object_size=${MAX_NATIVE_LINE * 4})`;
    return await sink.stage.insert(sql.select.replace('$READER', reader), batch.lines[0], batch.lines[batch.lines.length - 1]);
  } catch {
    // the INSERT is one statement: on failure nothing of the batch was staged
    return batch.lines;
  } finally {
    rmSync(file, { force: true });
  }
}

async function runSlow(sink: NativeSink, batch: Batch, flagged: number[]): Promise<void> {
  const lines = [...batch.slow, ...flagged].sort((a, b) => a - b);
  const rows: { line: number; row: Row }[] = [];
  for (const line of lines) {
    const parsed = parseLine(batch.texts.get(line)!);
    if ('reason' in parsed) {
      sink.reject({ line, reason: parsed.reason });
      continue;
    }
    const result = documentToRow(parsed.doc, sink.schema);
    if (result.ok) rows.push({ line, row: result.row });
    else sink.reject({ line, reason: result.reason });
  }
  await sink.stage.append(rows);
}

export async function ingestLinesNatively(sink: NativeSink, lines: AsyncIterable<string> | Iterable<string>): Promise<void> {
  registerParsers(sink.conn);
  const plans = new PlanCache();
  const recent = new RecentShapes();
  let batch = newBatch();
  let pending: { batch: Batch; flagged: Promise<number[]> } | undefined;
  const settle = async () => {
    if (!pending) return;
    const { batch: done, flagged } = pending;
    pending = undefined;
    await runSlow(sink, done, await flagged);
    await sink.afterBatch();
  };
  const ship = async () => {
    await settle();
    pending = { batch, flagged: runNative(sink, batch) };
    batch = newBatch();
  };
  let n = 0;
  for await (const text of lines) {
    n++;
    if (text.trim() === '') continue;
    batch.texts.set(n, text);
    batch.chars += text.length;
    const shape = text.length <= MAX_NATIVE_LINE ? recent.match(text) : undefined;
    const plan = shape === undefined ? undefined : plans.get(shape, sink.schema);
    // refused shapes are remembered too: their lines then skip the scan as well
    if (shape !== undefined) recent.remember(shape);
    if (plan?.fast && admit(batch, shape!, plan)) {
      const open = text.indexOf('{') + 1;
      batch.native.push(`${text.slice(0, open)}${LINE_KEY}${n}${shape === '{}' ? '' : ','}${text.slice(open)}`);
      batch.lines.push(n);
    } else {
      batch.slow.push(n);
    }
    if (batch.texts.size >= sink.batchLines || batch.chars >= MAX_BATCH_CHARS) await ship();
    // DuckDB's calls into the IP and date parsers (udf.ts) wait for the JS thread
    else if (pending && batch.texts.size % 1024 === 0) await yieldToCallbacks();
  }
  await ship();
  await settle();
}
