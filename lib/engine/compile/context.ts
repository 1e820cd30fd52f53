/**
 * State shared by the command and expression compilers: where each ES|QL column lives in the
 * current SQL relation, the prepared-statement parameters collected so far, and the multi-value
 * probes that decide the `single-value function encountered multi-value` warnings (docs/esql-semantics.md §4, §11.3).
 */
import 'server-only';
import type { AnalyzedQuery, EsqlType, FunctionCall, Span } from '../../esql';

/**
 * A compiled value. Columns keep the store's split (lib/store/layout.ts): `scalar` holds a single
 * value (NULL for a multi-value), `mv` the LIST of a multi-value; expressions that produce several
 * values are a `list`. Single-value consumers read only the scalar side, so the hot path is a plain
 * column read.
 */
export type Val =
  | { kind: 'scalar'; sql: string }
  | { kind: 'mvcol'; scalar: string; mv: string }
  | { kind: 'list'; sql: string };

/** Where an ES|QL column lives in the current relation (quoted SQL identifiers). */
export interface Binding {
  type: EsqlType;
  scalar: string;
  /** LIST companion, present only when the column may hold multi-values. */
  mv?: string;
  /**
   * The value of a column EVAL gave a constant (`EVAL pattern = "yyyy"`): Elasticsearch propagates it
   * (PropagateEvalFoldables), so it stays a constant where one is required (docs/esql-semantics.md §6.3).
   */
  constant?: { type: EsqlType; value: null | boolean | number | bigint | string; fromParam: boolean };
}

/** A condition over a step's input rows: true for a row means a single-value function met a multi-value there. */
export interface Probe {
  span: Span;
  condition: string;
  /** The relation the condition is evaluated over. */
  relation: string;
  /** The second warning line's exception text; the single-value one when absent. */
  reason?: string;
  /** SQL giving a row's exception text, when it depends on the value (`'foo' is not an IP string literal.`). */
  reasonSql?: string;
  /** What the failed evaluation stands for: null, or false for a CASE condition (docs/esql-semantics.md §8.3). */
  treatedAs?: 'false';
}

export class CompileFailure extends Error {
  constructor(
    readonly span: Span,
    message: string,
    readonly errorKind: 'unsupported' | 'verification' = 'unsupported',
  ) {
    super(message);
  }
}

/**
 * Compiles a function call. The expression compiler reaches the function families through this
 * hook, given by compileQuery, because the families compile their arguments with the expression
 * compiler: importing each other would be a loop.
 */
export type FunctionCompiler = (ctx: CompileContext, call: FunctionCall) => Val;

export interface CompileOptions {
  /** Epoch ms of now() for this query. */
  nowMs: number;
  cidrMatchMultiValue: 'single-value' | 'any-value';
}

export class CompileContext {
  /** DuckDB prepared-statement values, `$1` first. */
  readonly params: (string | number | boolean | bigint | null)[] = [];
  readonly probes: Probe[] = [];
  columns = new Map<string, Binding>();
  /** The relation the expressions being compiled read from. */
  relation = '(SELECT 1) AS __row';
  /** Inside a STATS aggregate expression: aggregate calls compile to SQL aggregates. */
  aggregateMode = false;
  /** The per-aggregate `WHERE` of the STATS field being compiled, as SQL. */
  aggregateFilter: string | undefined;
  /** STATS BY keys as seen outside aggregate calls (the grouped value), by name. */
  groupKeys: Map<string, Binding> | undefined;
  /** Failures decided per group (SUM overflow, division by zero over aggregates): SQL over the aggregated row. */
  aggregateChecks: { span: Span; condition: string; reason: string }[] = [];
  private counter = 0;
  /** Row conditions under which the expression being compiled is evaluated at all (see `guarded`). */
  private readonly guards: string[] = [];

  constructor(
    readonly analyzed: AnalyzedQuery,
    readonly options: CompileOptions,
    private readonly functions: FunctionCompiler,
  ) {}

  compileFunction(call: FunctionCall): Val {
    return this.functions(this, call);
  }

  fresh(prefix = 'c'): string {
    return `${prefix}${this.counter++}`;
  }

  addParam(value: string | number | boolean | bigint | null): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  typeOf(expr: Parameters<AnalyzedQuery['types']['get']>[0]): EsqlType {
    return this.analyzed.types.get(expr) ?? 'null';
  }

  sourceText(span: Span): string {
    return this.analyzed.text.slice(span.start, span.end);
  }

  addProbe(span: Span, condition: string, reason?: string, reasonSql?: string, treatedAs?: 'false'): void {
    const guarded = this.guards.length ? `(${this.guards.join(' AND ')}) AND (${condition})` : condition;
    this.probes.push({ span, condition: guarded, relation: this.relation, reason, reasonSql, treatedAs });
  }

  /**
   * Compiles `body` with its warning probes limited to the rows where `guard` (SQL over the current
   * relation) is true: CASE and COALESCE evaluate an argument only for the rows that reach it, so
   * only those rows warn (docs/esql-semantics.md §8.3). Over aggregates (STATS x = CASE(SUM(a) > 0, …))
   * the guard would name aggregates, which a probe over the input rows cannot evaluate: no guard there.
   */
  guarded<T>(guard: string, body: () => T): T {
    if (this.aggregateMode) return body();
    this.guards.push(guard);
    try {
      return body();
    } finally {
      this.guards.pop();
    }
  }
}

/** The scalar side of a value; a multi-value reads as null and records a warning probe for `consumer`. */
export function asScalar(ctx: CompileContext, val: Val, consumer: Span): string {
  switch (val.kind) {
    case 'scalar':
      return val.sql;
    case 'mvcol':
      ctx.addProbe(consumer, `${val.mv} IS NOT NULL`);
      return val.scalar;
    case 'list':
      // Over an aggregate (STATS x = TO_LOWER(VALUES(k))) the probe would run on the input rows, where it does not exist.
      if (!ctx.aggregateMode) ctx.addProbe(consumer, `len(${val.sql}) > 1`);
      return `(CASE WHEN len(${val.sql}) = 1 THEN (${val.sql})[1] END)`;
  }
}

/** All values as a LIST (NULL when there are none); for mv-aware functions and aggregates. */
export function asList(val: Val): string {
  switch (val.kind) {
    case 'scalar':
      return `(CASE WHEN (${val.sql}) IS NOT NULL THEN [${val.sql}] END)`;
    case 'mvcol':
      return `coalesce(${val.mv}, CASE WHEN ${val.scalar} IS NOT NULL THEN [${val.scalar}] END)`;
    case 'list':
      return val.sql;
  }
}
