/**
 * The first command: FROM reads the snapshot's Parquet parts with union_by_name (only the live
 * columns; a column no part holds is a typed NULL; a `#mv` companion only for fields the store
 * lists as multi-valued), ROW builds one literal row.
 */
import 'server-only';
import type { Command, FromCommand, RowCommand, AnalyzedStep } from '../../esql';
import type { SourceSnapshot } from '../../store/types';
import { mvColumn } from '../../store/layout';
import { ID_COLUMN } from '../../store/document-id';
import { lookedUpId, partsHoldingId } from './id-lookup';
import { asScalar, CompileFailure, type Binding } from './context';
import { compileExpr } from './expressions';
import type { Pipeline } from './pipeline';
import { quoteIdent, quoteString, typedNull } from '../sql';

/** The index folder of a part: `<dataDir>/indices/<index>/parts/<file>`. */
const INDEX_FROM_PATH = `regexp_extract(filename, ${quoteString('/indices/([^/]+)/parts/[^/]+$')}, 1)`;

const SUPPORTED_METADATA = new Set(['_index', ID_COLUMN]);

/** The `_id` of a document that brought none: its part's file name and row (lib/store/document-id.ts). */
const ASSIGNED_ID = `(parse_filename(filename, true) || '.' || file_row_number)`;

export interface SourceOptions {
  live: Set<string>;
  /** Adds file name and row number columns so that SORT ties break deterministically. */
  rowIdentity: boolean;
  /** The command after FROM: a WHERE on one `_id` narrows the parts read (id-lookup.ts). */
  next?: Command;
}

export function compileFrom(p: Pipeline, command: FromCommand, step: AnalyzedStep, snapshot: SourceSnapshot | undefined, opts: SourceOptions): void {
  const ctx = p.ctx;
  // `_index` comes from the part's path (lib/store/layout.ts), `_id` from the part (document-id.ts); other metadata has no store equivalent.
  const unsupported = command.metadata.find((m) => !SUPPORTED_METADATA.has(m.name));
  if (unsupported) throw new CompileFailure(unsupported.span, `METADATA [${unsupported.name}] is not supported by the embedded engine`);
  const withIndex = command.metadata.some((m) => m.name === '_index');
  const withId = command.metadata.some((m) => m.name === ID_COLUMN);
  let needsFilename = false;
  const lookup = withId ? lookedUpId(ctx, opts.next) : undefined;
  const files = lookup === undefined ? (snapshot?.partFiles ?? []) : partsHoldingId(snapshot?.partFiles ?? [], snapshot?.partColumns ?? {}, lookup);
  const present = new Set<string>();
  for (const f of files) for (const c of snapshot?.partColumns[f] ?? []) present.add(c);
  const multiValued = new Set(snapshot?.multiValued ?? []);
  const selects: string[] = [];
  const columns = new Map<string, Binding>();
  for (const col of step.output) {
    if (!opts.live.has(col.name)) continue;
    const scalar = ctx.fresh();
    if (withIndex && col.name === '_index') {
      selects.push(`${files.length ? INDEX_FROM_PATH : 'NULL::VARCHAR'} AS ${scalar}`);
      columns.set(col.name, { type: col.type, scalar });
      continue;
    }
    if (withId && col.name === ID_COLUMN) {
      const assigned = files.length ? ASSIGNED_ID : 'NULL::VARCHAR';
      selects.push(`${present.has(ID_COLUMN) ? `coalesce(${quoteIdent(ID_COLUMN)}, ${assigned})` : assigned} AS ${scalar}`);
      columns.set(col.name, { type: col.type, scalar });
      continue;
    }
    // An `unsupported` field (conflicting or unknown mapping) is always null (docs/esql-semantics.md §5); never read it.
    const readable = present.has(col.name) && files.length > 0 && col.type !== 'unsupported';
    const stored = readable ? quoteIdent(col.name) : typedNull(col.type);
    const constant = col.type === 'unsupported' ? undefined : constantOf(snapshot, col.name, files.length > 0);
    if (constant?.needsIndex) needsFilename = true;
    selects.push(`${constant ? `coalesce(${stored}, ${constant.sql})` : stored} AS ${scalar}`);
    const binding: Binding = { type: col.type, scalar };
    const mvName = mvColumn(col.name);
    if (readable && multiValued.has(col.name) && present.has(mvName)) {
      binding.mv = ctx.fresh('m');
      selects.push(`${quoteIdent(mvName)} AS ${binding.mv}`);
    }
    columns.set(col.name, binding);
  }
  // COUNT(*) alone reads no column, but SQL needs a select list.
  if (selects.length === 0) selects.push('NULL AS __none');
  if (files.length === 0) {
    selects.push('1 AS __empty');
    p.add(`SELECT ${selects.join(', ')} WHERE FALSE`);
  } else {
    const identity = (opts.rowIdentity || withId ? ', file_row_number = true' : '') + (opts.rowIdentity || withIndex || withId || needsFilename ? ', filename = true' : '');
    if (opts.rowIdentity) {
      selects.push('filename AS __file', 'file_row_number AS __row');
      p.order = ['__file', '__row'];
    }
    const list = files.map(quoteString).join(', ');
    p.add(`SELECT ${selects.join(', ')} FROM read_parquet([${list}], union_by_name = true${identity})`);
  }
  ctx.columns = columns;
}

export function compileRow(p: Pipeline, command: RowCommand, step: AnalyzedStep): void {
  const ctx = p.ctx;
  const selects: string[] = [];
  const columns = new Map<string, Binding>();
  const types = new Map(step.output.map((c) => [c.name, c.type]));
  for (const field of command.fields) {
    const name = ctx.analyzed.names.get(field) ?? ctx.sourceText(field.span);
    const type = types.get(name) ?? ctx.typeOf(field.expression);
    const val = compileExpr(ctx, field.expression);
    const scalar = ctx.fresh();
    if (val.kind === 'list') {
      const mv = ctx.fresh('m');
      selects.push(`(CASE WHEN len(${val.sql}) = 1 THEN (${val.sql})[1] END) AS ${scalar}`, `(CASE WHEN len(${val.sql}) > 1 THEN ${val.sql} END) AS ${mv}`);
      columns.set(name, { type, scalar, mv });
    } else {
      selects.push(`${asScalar(ctx, val, field.span)} AS ${scalar}`);
      columns.set(name, { type, scalar });
    }
  }
  p.add(`SELECT ${selects.join(', ')}`);
  ctx.columns = columns;
}

/**
 * A constant_keyword whose mapping holds the value reads that value in every document of its index,
 * stored or not (Fleet's `data_stream.*`). One value for every matched index is a literal; several
 * are told apart by the part's index.
 */
function constantOf(snapshot: SourceSnapshot | undefined, field: string, hasParts: boolean): { sql: string; needsIndex: boolean } | undefined {
  const perIndex = snapshot?.constants?.get(field);
  if (!perIndex || !hasParts) return undefined;
  const values = new Set(perIndex.values());
  const everyIndex = snapshot!.indices.every((index) => perIndex.has(index));
  if (values.size === 1 && everyIndex) return { sql: quoteString([...values][0]), needsIndex: false };
  const cases = [...perIndex].map(([index, value]) => `WHEN ${quoteString(index)} THEN ${quoteString(value)}`).join(' ');
  return { sql: `(CASE ${INDEX_FROM_PATH} ${cases} END)`, needsIndex: true };
}
