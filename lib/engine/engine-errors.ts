/**
 * DuckDB's failures as the user sees them (issue 13; docs/esql-semantics.md §11.2): never its `Binder Error:` class prefix, the
 * SQL it was given (`LINE 1: …` and the caret under it) or a server path — an ES-like sentence.
 * DuckDB's "Max expression depth" and out-of-memory failures mean the query is too large for the
 * engine, which is said as such, positioned at the query's start (DuckDB cannot say where).
 */
import 'server-only';
import { redactPaths } from './redact-paths';

const TOO_LARGE = /max expression depth|memory exhausted|out of memory|stack overflow|maximum recursion/i;
/** `Binder Error: `, `Invalid Input Error: `, `IO Error: `, `Out of Memory Error: `… */
const CLASS_PREFIX = /^(?:[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)* )?Error: /;
const MAX_REASON = 300;
/** A refusal the data decided (./compile/refusal.ts): its positioned message, as a compile-time refusal would say it. */
const RUNTIME_REFUSAL = /ESQL_REFUSAL\[(.*?)\]ESQL_REFUSAL/s;

export interface EngineFailureContext {
  dataDir: string;
  /** How many expressions the query has (for the too-large message). */
  expressions: number;
}

/** A too-large query is `unsupported` here (a cluster may run it); anything else is `internal`. */
export function engineFailure(raw: string, context: EngineFailureContext): { kind: 'unsupported' | 'internal'; message: string } {
  const refusal = RUNTIME_REFUSAL.exec(raw);
  if (refusal) return { kind: 'unsupported', message: `Found 1 problem\n${refusal[1]}` };
  if (TOO_LARGE.test(raw)) {
    return { kind: 'unsupported', message: `line 1:1: the query is too large for the embedded engine (${context.expressions} expressions)` };
  }
  return { kind: 'internal', message: `the embedded engine failed: ${shortReason(raw, context.dataDir)}` };
}

/** The first line of DuckDB's message, its class prefix removed, paths redacted, bounded. */
export function shortReason(raw: string, dataDir: string): string {
  const first = raw.split('\n').find((line) => line.trim() !== '') ?? raw;
  let reason = redactPaths(first.trim(), dataDir);
  while (CLASS_PREFIX.test(reason)) reason = reason.replace(CLASS_PREFIX, '');
  if (reason.length > MAX_REASON) reason = `${reason.slice(0, MAX_REASON - 1)}…`;
  return reason || 'unknown error';
}
