/**
 * Tab labels for a hunt's queries. Hunt files give queries no names, but sibling queries usually
 * differ by a filter or two (the seed's second query adds `user.id == "0"`): a query is labelled
 * by the WHERE conditions only it has, with plain words for the well-known ones.
 */
import 'server-only';
import { type Expression, type Query, conjuncts, print } from '../esql';
import type { Hunt } from './types';

/** Conditions analysts know by name: the printed condition → its words, and whether it narrows to users. */
const KNOWN: Record<string, { words: string; user: boolean }> = {
  'user.id == "0"': { words: 'Root only', user: true },
  'user.name == "root"': { words: 'Root only', user: true },
  'user.id == "S-1-5-18"': { words: 'SYSTEM only', user: true },
};

function conditions(query: Query): string[] {
  return query.commands.flatMap((c) => (c.kind === 'where' ? conjuncts(c.condition).map((e: Expression) => print(e)) : []));
}

export function queryLabels(hunt: Hunt): Map<number, string> {
  const parsed = hunt.queries.flatMap((q) => (q.language === 'ES|QL' && q.parsed.ok ? [{ number: q.number, conditions: conditions(q.parsed.query) }] : []));
  const labels = new Map<number, string>(hunt.queries.map((q) => [q.number, `Query ${q.number}`]));
  if (parsed.length < 2) return labels;
  const common = parsed[0].conditions.filter((c) => parsed.every((p) => p.conditions.includes(c)));
  const extras = parsed.map((p) => ({ number: p.number, own: p.conditions.filter((c) => !common.includes(c)) }));
  const othersNarrowUsers = (n: number) => extras.filter((e) => e.number !== n).every((e) => e.own.length > 0 && e.own.every((c) => KNOWN[c]?.user));
  for (const { number, own } of extras) {
    if (own.length === 0) {
      if (othersNarrowUsers(number)) labels.set(number, 'All users');
      continue;
    }
    const words = own.map((c) => KNOWN[c]?.words ?? c);
    labels.set(number, words.join(', ').slice(0, 80));
  }
  return labels;
}
