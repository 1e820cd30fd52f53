/**
 * What the analyzer hands to the engine (and to lint and the UI): the parsed query plus, for
 * every command, the columns it receives and produces, and the type of every expression.
 * Maps are keyed by AST node identity.
 */
import type { Command, Expression, Field, FunctionCall, Param, Query } from '../ast';
import type { EsqlType, ResolvedSources } from '../types';

export interface ColumnSchema {
  name: string;
  type: EsqlType;
}

export interface AnalyzedStep {
  command: Command;
  input: ColumnSchema[];
  output: ColumnSchema[];
}

/** A parameter's value as bound for this run, typed as Elasticsearch types JSON params. */
export interface BoundParam {
  type: EsqlType;
  value: string | number | boolean | null | (string | number | boolean | null)[];
}

export interface AnalyzedQuery {
  query: Query;
  /** The query text the spans point into. */
  text: string;
  steps: AnalyzedStep[];
  /** Type of every expression node in the query. */
  types: Map<Expression, EsqlType>;
  /** Output column name of every Field: its explicit name, else its source text as typed. */
  names: Map<Field, string>;
  /** Canonical function name (aliases resolved: `to_int` → `to_integer`) of every call. */
  functions: Map<FunctionCall, string>;
  params: Map<Param, BoundParam>;
  /** The FROM's resolution, when the query starts with FROM. */
  sources?: ResolvedSources;
  /**
   * The LIMIT Elasticsearch's AddImplicitLimit rule appends: 1000 with the warning
   * `No limit defined, adding default limit of [1000]` when the query has no LIMIT anywhere,
   * else the 10000 cap, silently.
   */
  implicitLimit: { count: number; warning?: string };
  /** Warnings decided by the query's text alone (STATS name shadowing, docs/esql-semantics.md §6.5). */
  warnings?: string[];
  /** Column references that read as null under `SET unmapped_fields="nullify"` (no such column exists). */
  nullified?: ReadonlySet<Expression>;
  /** The result's columns: the last step's output. */
  output: ColumnSchema[];
}
