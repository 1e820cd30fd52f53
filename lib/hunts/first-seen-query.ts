/**
 * First seen: for a run's findings, when each process was first seen over a longer lookback
 * (default 30 days), fleet-wide and per agent, from any event of the hunt's indices, not only the
 * events the hunt keeps (a superset of the finding's own events, so never later than they are).
 * One query, built on the AST; the names enter as params.
 */
import 'server-only';
import type { EsqlValue } from '../model/esql';
import type { FirstSeen } from '../model/review';
import { type Command, type Expression, type FromCommand, type Query, printMultiline, column, NO_SPAN, param } from '../esql';

export const DEFAULT_LOOKBACK_DAYS = 30;
export const FIRST_SEEN_FIELD = 'process.name';

export type FirstSeenQuery = { ok: true; text: string; params: Record<string, EsqlValue>[] } | { ok: false; reason: string };

const fn = (name: string, args: Expression[]): Expression => ({ kind: 'function', name, args, span: NO_SPAN });
const bin = (op: 'and' | '>=', left: Expression, right: Expression): Expression => ({ kind: 'binary', op, left, right, span: NO_SPAN });

/**
 * `FROM <hunt's sources> | WHERE @timestamp >= ?fs_from AND process.name IN (?f1…)
 * | STATS … BY process.name, agent.id`. The lower bound is absolute (N days before the run's
 * `now`, or the run's window start if that is earlier), not `now()`, so a run reviewed weeks later
 * looks back from its own week, on a cluster's clock as on the embedded engine's. There is no
 * upper bound, as the run's own predicate (`@timestamp > now() - 7 day`) has none: a finding
 * whose only event came after the run's now (an agent's clock ahead) still has a first seen, and
 * a first seen is never after one of the finding's own events.
 */
export function buildFirstSeenQuery(hunt: Query, names: readonly string[], now: Date, lookbackDays = DEFAULT_LOOKBACK_DAYS, windowStart?: Date): FirstSeenQuery {
  const from = hunt.commands[0];
  if (from?.kind !== 'from') return { ok: false, reason: 'Only a hunt that starts with FROM has indices to look back in.' };
  if (names.length === 0) return { ok: false, reason: 'There are no findings to look up.' };
  if (!Number.isSafeInteger(lookbackDays) || lookbackDays <= 0) return { ok: false, reason: 'The lookback is a positive number of days.' };
  if (Number.isNaN(now.getTime())) return { ok: false, reason: 'The run has no now to look back from.' };
  const lookback = now.getTime() - lookbackDays * 864e5;
  const start = windowStart && !Number.isNaN(windowStart.getTime()) ? Math.min(lookback, windowStart.getTime()) : lookback;
  const params = [{ fs_from: new Date(start).toISOString() }, ...names.map((n, i) => ({ [`f${i + 1}`]: n }))];
  const window = bin('>=', column('@timestamp'), param('fs_from'));
  const among: Expression = { kind: 'in', operand: column(FIRST_SEEN_FIELD), list: names.map((_, i) => param(`f${i + 1}`)), negated: false, span: NO_SPAN };
  const source: FromCommand = { kind: 'from', sources: from.sources, metadata: [], span: NO_SPAN };
  const field = (name: string, expression: Expression) => ({ kind: 'field' as const, name: { kind: 'column' as const, name, span: NO_SPAN }, expression, span: NO_SPAN });
  const commands: Command[] = [
    source,
    { kind: 'where', condition: bin('and', window, among), span: NO_SPAN },
    {
      kind: 'stats',
      aggregates: [field('first_seen', fn('min', [column('@timestamp')])), field('last_seen', fn('max', [column('@timestamp')])), field('events', fn('count', [column('@timestamp')]))],
      groupings: [
        { kind: 'field', expression: column(FIRST_SEEN_FIELD), span: NO_SPAN },
        { kind: 'field', expression: column('agent.id'), span: NO_SPAN },
      ],
      span: NO_SPAN,
    },
    { kind: 'limit', count: 10000, span: NO_SPAN },
  ];
  return { ok: true, text: printMultiline({ kind: 'query', commands, span: NO_SPAN }), params };
}


/** Folds the per-agent rows of the first-seen query into one answer per process name. */
export function firstSeenByName(columns: readonly { name: string }[], values: readonly EsqlValue[][], weekStart: string): Map<string, FirstSeen> {
  const at = (name: string) => columns.findIndex((c) => c.name === name);
  const [iFirst, iLast, iName, iAgent] = [at('first_seen'), at('last_seen'), at(FIRST_SEEN_FIELD), at('agent.id')];
  const out = new Map<string, FirstSeen>();
  for (const row of values) {
    const name = row[iName];
    const first = row[iFirst];
    if (typeof name !== 'string' || typeof first !== 'string') continue;
    const entry = out.get(name) ?? { fleet: null, perAgent: {}, newThisWeek: false, agentsThisWeek: [] };
    if (entry.fleet === null || first < entry.fleet) entry.fleet = first;
    const agent = row[iAgent];
    if (typeof agent === 'string') {
      entry.perAgent[agent] = first;
      const last = row[iLast];
      if (typeof last === 'string' && last >= weekStart) entry.agentsThisWeek.push(agent);
    }
    out.set(name, entry);
  }
  for (const entry of out.values()) entry.newThisWeek = entry.fleet !== null && entry.fleet >= weekStart;
  return out;
}

/** HUNTBOARD_FIRST_SEEN_DAYS: how far back "first seen" looks (default 30; a bad value falls back to it). */
export function firstSeenLookbackDays(env: Record<string, string | undefined> = process.env): number {
  const days = Number(env.HUNTBOARD_FIRST_SEEN_DAYS);
  return Number.isSafeInteger(days) && days > 0 && days <= 3660 ? days : DEFAULT_LOOKBACK_DAYS;
}
