/**
 * One finding across a hunt's queries. A finding is identified by its BY values (lib/review/diff's
 * key), so two queries of one hunt that aggregate by the same key columns, in the same order, name
 * the same process with the same key: the team triages it once. Each query's "triage group" is the
 * lowest-numbered query of its hunt with the same key names, and triage rows are stored under that
 * number.
 *
 * Why a number and not a new key: the triage tables, FindingRef, the bundle format and every join
 * keep their shape — only the query number in a ref is resolved to its group before a triage read,
 * write or join — so the change stays inside the code that resolves it. A run records its group
 * (runs.triage_query) when it is saved, so SQL joins triage on the run's own group, and a query
 * whose text later changes keys cannot move an older run's triage.
 */
import 'server-only';
import { triageGroups } from '../appstate/triage-groups';
import type { Hunt } from './types';

/** The ES|QL queries of a hunt as triageGroups takes them. */
const esqlQueries = (hunt: Hunt) => hunt.queries.filter((q) => q.language === 'ES|QL').map((q) => ({ number: q.number, text: q.text }));

/** The triage group of one of the hunt's queries (the query itself when the hunt lacks it). */
export function triageGroupOf(hunt: Hunt, queryNumber: number): number {
  return triageGroups(esqlQueries(hunt)).get(queryNumber) ?? queryNumber;
}

/** The queries of the hunt whose triage is shared with `queryNumber`'s (itself included), in order. */
export function queriesSharingTriage(hunt: Hunt, queryNumber: number): number[] {
  const groups = triageGroups(esqlQueries(hunt));
  const group = groups.get(queryNumber);
  if (group === undefined) return [queryNumber];
  return [...groups].filter(([, g]) => g === group).map(([n]) => n).sort((a, b) => a - b);
}
