/**
 * What typing an expression needs to know of where it sits. Its own module because both the
 * expression typer and the function-call typer (which call each other) read it.
 */
import type { AnalysisContext, Scope } from './context';
import type { Expression } from '../ast';
import type { ParamTable } from './params';

/**
 * Where an expression sits: `row` (WHERE, EVAL, …: no aggregates), `aggregates` (the STATS
 * aggregate list, outside any aggregate call), `inAggregate` (an aggregate's arguments),
 * `grouping` (the BY clause).
 */
export type ExprMode = 'row' | 'aggregates' | 'inAggregate' | 'grouping';

export interface ExprEnv {
  scope: Scope;
  ctx: AnalysisContext;
  params: ParamTable;
  mode: ExprMode;
  /** In `aggregates` mode, the BY columns a bare column may name. */
  groupNames?: ReadonlySet<string>;
  /** The aggregate call whose arguments are being typed (nested-aggregation message). */
  enclosingAggregate?: Expression;
  /** A bare column here may be a conflicting field (argument of a conversion function or cast). */
  allowConflicts?: boolean;
}
