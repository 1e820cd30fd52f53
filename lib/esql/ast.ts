/**
 * The ES|QL abstract syntax tree. Every node carries its source span so that the analyzer can
 * name unnamed columns by their source text and report positioned errors. Nodes are plain data
 * (tagged unions on `kind`), so trees can be compared, cloned and serialised.
 *
 * This module is the contract between the parser, printer, walker, analyzer, lint, engine and
 * hunt rewrites: change it only with all of them in view.
 */

/** Half-open character offsets into the query text: `text.slice(start, end)` is the node's source. */
export interface Span {
  start: number;
  end: number;
}

interface NodeBase {
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// Expressions

export type LiteralValue =
  | { type: 'null' }
  | { type: 'boolean'; value: boolean }
  /** Integer literal; `bigint` so that longs above 2^53 survive. Typed integer or long by magnitude. */
  | { type: 'integer'; value: bigint }
  | { type: 'decimal'; value: number }
  | { type: 'string'; value: string };

export interface Literal extends NodeBase {
  kind: 'literal';
  value: LiteralValue;
}

/** `[1, 2, 3]`: a multi-valued literal (ROW, IN lists of mv constants). */
export interface ListLiteral extends NodeBase {
  kind: 'list';
  items: Literal[];
}

export type TimeUnit =
  | 'year'
  | 'quarter'
  | 'month'
  | 'week'
  | 'day'
  | 'hour'
  | 'minute'
  | 'second'
  | 'millisecond';

/** `7 day`, `7 days`, `7d`, `1 HOUR`. `unitText` keeps the spelling for round-trip printing. */
export interface TimeSpanLiteral extends NodeBase {
  kind: 'timeSpan';
  quantity: number;
  unit: TimeUnit;
  unitText: string;
}

/** `?` (anonymous, numbered in order of appearance from 1), `?1` (positional), `?name` (named). */
export interface Param extends NodeBase {
  kind: 'param';
  style: 'anonymous' | 'positional' | 'named';
  /** 1-based position for anonymous and positional params. */
  index?: number;
  /** Name for named params. */
  name?: string;
}

/** A column reference. `name` is the full dotted name without backticks (`process.name`). */
export interface Column extends NodeBase {
  kind: 'column';
  name: string;
}

export interface FunctionCall extends NodeBase {
  kind: 'function';
  /** Lower-cased function name (`count_distinct`). */
  name: string;
  args: Expression[];
  /** `COUNT(*)`: true and `args` is empty. */
  star?: boolean;
  /** The trailing named-options map (`MATCH(f, "x", { "fuzziness": "AUTO" })`), when written. */
  options?: FunctionOptions;
}

/** `{ "key": constant, … }`: only ever the last argument of a function call. */
export interface FunctionOptions extends NodeBase {
  kind: 'options';
  entries: { key: string; value: Literal | ListLiteral }[];
}

export type UnaryOperator = 'not' | '-' | '+';

export interface UnaryExpression extends NodeBase {
  kind: 'unary';
  op: UnaryOperator;
  operand: Expression;
}

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';
export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type LogicalOperator = 'and' | 'or';
export type BinaryOperator = ArithmeticOperator | ComparisonOperator | LogicalOperator;

export interface BinaryExpression extends NodeBase {
  kind: 'binary';
  op: BinaryOperator;
  left: Expression;
  right: Expression;
}

/** `x IS NULL`, `x IS NOT NULL`. */
export interface IsNullExpression extends NodeBase {
  kind: 'isNull';
  operand: Expression;
  negated: boolean;
}

/** `x IN (a, b)`, `x NOT IN (a, b)`. */
export interface InExpression extends NodeBase {
  kind: 'in';
  operand: Expression;
  list: Expression[];
  negated: boolean;
}

/** `x LIKE "a*"`, `x NOT RLIKE "a.*"`, `x LIKE ("a*", "b*")`. */
export interface LikeExpression extends NodeBase {
  kind: 'like';
  operator: 'like' | 'rlike';
  operand: Expression;
  patterns: Expression[];
  negated: boolean;
  /** True when written with the parenthesised list form. */
  listForm: boolean;
}

/** `x::ip`. `targetType` is lower-cased as written (`ip`, `datetime`, `int`, …). */
export interface CastExpression extends NodeBase {
  kind: 'cast';
  operand: Expression;
  targetType: string;
}

export type Expression =
  | Literal
  | ListLiteral
  | TimeSpanLiteral
  | Param
  | Column
  | FunctionCall
  | UnaryExpression
  | BinaryExpression
  | IsNullExpression
  | InExpression
  | LikeExpression
  | CastExpression;

// ---------------------------------------------------------------------------------------------
// Commands

/** `name = expr` or a bare `expr` (then the column is named by the expression's source text). */
export interface Field extends NodeBase {
  kind: 'field';
  name?: Column;
  expression: Expression;
}

/** A STATS aggregate with its optional per-aggregate filter (`count(*) WHERE x > 1`). */
export interface AggregateField extends Field {
  filter?: Expression;
}

/** An index pattern in FROM, as written without quotes (`logs-endpoint.events.network-*`, `remote:logs-*`). */
export interface Source extends NodeBase {
  kind: 'source';
  name: string;
}

/** A column name or pattern in KEEP/DROP/RENAME (`process.*`, `*`). */
export interface ColumnPattern extends NodeBase {
  kind: 'columnPattern';
  pattern: string;
}

export interface FromCommand extends NodeBase {
  kind: 'from';
  sources: Source[];
  metadata: Column[];
}

export interface RowCommand extends NodeBase {
  kind: 'row';
  fields: Field[];
}

export interface WhereCommand extends NodeBase {
  kind: 'where';
  condition: Expression;
}

export interface EvalCommand extends NodeBase {
  kind: 'eval';
  fields: Field[];
}

export interface StatsCommand extends NodeBase {
  kind: 'stats';
  aggregates: AggregateField[];
  groupings: Field[];
  /** INLINE STATS: every input row is kept, the aggregates (then the keys) appended to it. */
  inline?: boolean;
}

export interface SortOrder extends NodeBase {
  kind: 'order';
  expression: Expression;
  /** Absent when not written (ASC is the default). */
  direction?: 'asc' | 'desc';
  /** Absent when not written (ASC → last, DESC → first). */
  nulls?: 'first' | 'last';
}

export interface SortCommand extends NodeBase {
  kind: 'sort';
  orders: SortOrder[];
}

export interface LimitCommand extends NodeBase {
  kind: 'limit';
  count: number;
}

export interface KeepCommand extends NodeBase {
  kind: 'keep';
  columns: ColumnPattern[];
}

export interface DropCommand extends NodeBase {
  kind: 'drop';
  columns: ColumnPattern[];
}

export interface Rename extends NodeBase {
  kind: 'rename';
  from: ColumnPattern;
  to: Column;
  /** `old AS new` (classic) or `new = old` (9.x). */
  syntax: 'as' | 'assign';
}

export interface RenameCommand extends NodeBase {
  kind: 'renameCommand';
  renames: Rename[];
}

export interface MvExpandCommand extends NodeBase {
  kind: 'mvExpand';
  column: Column;
}

export interface DissectCommand extends NodeBase {
  kind: 'dissect';
  input: Expression;
  pattern: string;
  appendSeparator?: string;
}

export interface GrokCommand extends NodeBase {
  kind: 'grok';
  input: Expression;
  pattern: string;
  /** `GROK x "p1", "p2"`: the patterns after the first; the first that matches leftmost wins. */
  alternatives?: string[];
}

/** `ENRICH policy [ON column] [WITH [new =] field, …]`: parsed so hunts load; only a cluster runs it. */
export interface EnrichCommand extends NodeBase {
  kind: 'enrich';
  policy: string;
  on?: Column;
  with: Rename[];
}

export type Command =
  | FromCommand
  | RowCommand
  | WhereCommand
  | EvalCommand
  | StatsCommand
  | SortCommand
  | LimitCommand
  | KeepCommand
  | DropCommand
  | RenameCommand
  | MvExpandCommand
  | DissectCommand
  | GrokCommand
  | EnrichCommand;

export type CommandKind = Command['kind'];

/** `SET name = value;` before the query (Elasticsearch 9.2+ query settings, docs/esql-semantics.md §6.9). */
export interface QuerySetting extends NodeBase {
  kind: 'setting';
  name: string;
  value: Expression;
}

export interface Query extends NodeBase {
  kind: 'query';
  /** The SET statements in order; absent when the query has none. */
  settings?: QuerySetting[];
  commands: Command[];
}

export type Node =
  | Query
  | Command
  | Expression
  | Field
  | Source
  | ColumnPattern
  | SortOrder
  | Rename;
