/**
 * The state one analysis accumulates: the maps AnalyzedQuery hands out, the errors found so far,
 * and the set of expressions that already failed (so one mistake gives one message, not a cascade).
 */
import type { BoundParam, ColumnSchema } from './analyzed';
import type { Expression, Field, FunctionCall, Param, Span } from '../ast';
import { esqlError, type EsqlError } from '../errors';
import type { EsqlType, ResolvedField } from '../types';

/** The columns a command sees, plus what is known about conflicting source fields. */
export interface Scope {
  columns: ColumnSchema[];
  /** Source fields mapped with incompatible types, by name, for the ambiguity message. */
  conflicts: Map<string, NonNullable<ResolvedField['conflicts']>>;
  /** `columns` by name, when a command that adds columns one by one keeps it (a lookup without a scan). */
  byName?: ReadonlyMap<string, ColumnSchema>;
}

export class AnalysisContext {
  readonly types = new Map<Expression, EsqlType>();
  readonly names = new Map<Field, string>();
  readonly functions = new Map<FunctionCall, string>();
  readonly params = new Map<Param, BoundParam>();
  readonly errors: EsqlError[] = [];
  /** Warnings the query's text alone decides (STATS name shadowing), worded as Elasticsearch's. */
  readonly warnings: string[] = [];
  /** Expressions whose type could not be determined; checks over them are skipped. */
  readonly failed = new Set<Expression>();
  /** Columns computed from a failed expression: using them reports nothing more. */
  readonly poisoned = new WeakSet<ColumnSchema>();
  /** Names of the columns that came from FROM's mappings (as opposed to computed ones). */
  readonly sourceFields = new Set<string>();
  /** `SET unmapped_fields="nullify"` (./settings.ts): an unknown column reads as a null column. */
  nullifyUnmapped = false;
  /** The column references read as null under that setting, for the compiler. */
  readonly nullified = new Set<Expression>();
  /** Every column name an earlier command produced: such a name gone from scope is not "unmapped". */
  readonly producedNames = new Set<string>();

  constructor(
    readonly text: string,
    /** Column names the query mentions anywhere: Elasticsearch only suggests among fields it asked field_caps for. */
    readonly mentioned: Set<string>,
  ) {}

  source(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  error(span: Span, message: string, kind: EsqlError['kind'] = 'verification'): void {
    this.errors.push(esqlError(kind, this.text, span, message));
  }

  /** Records the type of `e` and returns it. */
  typed(e: Expression, type: EsqlType): EsqlType {
    this.types.set(e, type);
    return type;
  }

  /** Marks `e` as failed (its type is unknown) and returns a placeholder type. */
  fail(e: Expression): EsqlType {
    this.failed.add(e);
    this.types.set(e, 'unsupported');
    return 'unsupported';
  }

  /** A column for `field` typed `type`, poisoned when `e` failed. */
  column(name: string, type: EsqlType, e: Expression): ColumnSchema {
    const column = { name, type };
    if (this.failed.has(e)) this.poisoned.add(column);
    return column;
  }

  hasFailed(...es: Expression[]): boolean {
    return es.some((e) => this.failed.has(e));
  }
}

/** Upper-case type name as the WHERE / DISSECT messages print it (`found [INTEGER]`). */
export function upperTypeName(t: EsqlType): string {
  return typeName(t).toUpperCase();
}

/** Elasticsearch's `typeName()`: `date` is `datetime` in messages. */
export function typeName(t: EsqlType): string {
  return t === 'date' ? 'datetime' : t;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** `first`, `second`, … then `11th`, as TypeResolutions.ParamOrdinal and In's messages number arguments. */
export function ordinal(oneBased: number): string {
  return ORDINALS[oneBased - 1] ?? `${oneBased}th`;
}
