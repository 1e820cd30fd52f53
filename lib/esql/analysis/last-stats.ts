/**
 * A query's last STATS … BY: the commands before it (the events it aggregates), and the result
 * columns its keys name — the identity of a finding, a drill-down's filter, a triage group's keys.
 */
import type { Command, Expression, Field, Param, Query, StatsCommand } from '../ast';
import { parse } from '../parser/parse';
import { print } from '../syntax/printer';
import { collect } from '../syntax/walker';

/** One BY key of a STATS: the result column it names and the expression it groups by. */
export interface StatsKey {
  name: string;
  expression: Expression;
  field: Field;
}

export interface StatsSplit {
  /** The commands before the last STATS: the events the STATS aggregates. */
  before: Command[];
  stats: StatsCommand;
  keys: StatsKey[];
}


/**
 * Splits a query at its last STATS … BY. `text` (the query's source) names unnamed expression
 * keys exactly as the result columns are named; without it they are named by their printed form.
 */
export function splitAtLastStats(query: Query, text?: string): StatsSplit | { reason: string } {
  const at = query.commands.map((c) => c.kind).lastIndexOf('stats');
  if (at < 0) return { reason: 'The query has no STATS … BY, so its rows are already events.' };
  const stats = query.commands[at] as StatsCommand;
  if (stats.groupings.length === 0) return { reason: 'The query’s STATS has no BY keys, so a row does not identify a set of events.' };
  if (usesUnnamedParams(query)) return { reason: 'The query uses ? or ?1 params; Elasticsearch does not mix them with the named params a drill-down adds.' };
  const keys = stats.groupings.map((field) => ({ name: keyName(field, text), expression: field.expression, field }));
  // A RENAME after the STATS changes the column the result row holds the key in.
  for (const c of query.commands.slice(at + 1)) {
    if (c.kind !== 'renameCommand') continue;
    for (const r of c.renames) for (const key of keys) if (key.name === r.from.pattern) key.name = r.to.name;
  }
  return { before: query.commands.slice(0, at), stats, keys };
}

export function usesUnnamedParams(query: Query): boolean {
  return collect<Param>(query, (n) => n.kind === 'param').some((p) => p.style !== 'named');
}

function keyName(field: Field, text: string | undefined): string {
  if (field.name) return field.name.name;
  if (field.expression.kind === 'column') return field.expression.name;
  const written = text?.slice(field.expression.span.start, field.expression.span.end);
  return written || print(field.expression);
}

/** The names of the query's BY key columns (after any RENAME), or null when it has none to read (no STATS … BY, or the text does not parse). */
export function findingKeyNames(text: string): string[] | null {
  const parsed = parse(text);
  if (!parsed.ok) return null;
  const split = splitAtLastStats(parsed.query, text);
  return 'reason' in split ? null : split.keys.map((k) => k.name);
}

/** The result columns that name a finding: the BY keys of the query's last STATS, else every column. */
export function findingKeyColumns(queryText: string, columns: readonly string[]): string[] {
  const keys = findingKeyNames(queryText)?.filter((k) => columns.includes(k)) ?? [];
  return keys.length > 0 ? keys : [...columns];
}
