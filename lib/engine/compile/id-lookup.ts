/**
 * A lookup by `_id` reads only the parts that can hold it. `FROM x METADATA _id | WHERE _id == ?id`
 * (the flyout's full document) would otherwise read every part of the index: an assigned id names
 * its part (lib/store/document-id.ts: the part's file name and row), and a document's own id can
 * only be in a part with an `_id` column. Only when the WHERE right after FROM has the comparison
 * as a top-level conjunct: then no row it drops could have passed.
 */
import 'server-only';
import path from 'node:path';
import type { Command } from '../../esql';
import { conjuncts } from '../../esql';
import { ID_COLUMN } from '../../store/document-id';
import type { CompileContext } from './context';
import { foldConst } from './constants';

/** The constant `_id` the command right after FROM compares with, if it does. */
export function lookedUpId(ctx: CompileContext, next: Command | undefined): string | undefined {
  if (next?.kind !== 'where') return undefined;
  for (const c of conjuncts(next.condition)) {
    if (c.kind !== 'binary' || c.op !== '==') continue;
    const other = c.left.kind === 'column' && c.left.name === ID_COLUMN ? c.right : c.right.kind === 'column' && c.right.name === ID_COLUMN ? c.left : undefined;
    const value = other && foldConst(ctx, other);
    if (value?.kind === 'value' && typeof value.value === 'string') return value.value;
  }
  return undefined;
}

/** The parts among `files` that may hold the document with `_id` `id`. */
export function partsHoldingId(files: readonly string[], partColumns: Record<string, string[]>, id: string): string[] {
  const assigned = /^(.+)\.\d+$/.exec(id);
  const named = assigned ? `${assigned[1]}.parquet` : undefined;
  return files.filter((f) => partColumns[f]?.includes(ID_COLUMN) || path.basename(f) === named);
}
