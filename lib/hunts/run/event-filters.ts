/**
 * A drill-down's "filter for" / "filter out" as ES|QL: one WHERE per filter, each value a fresh
 * named param (`?f1`), never spliced into the text. A field the events do not have is refused, so a
 * typo or a stale link says so instead of matching nothing. ip and date fields compare through
 * TO_IP / TO_DATETIME: the param arrives as text. "Filter out" keeps the events without the field,
 * as Kibana's does (`field != ?f1 OR field IS NULL`).
 */
import 'server-only';
import { z } from 'zod';
import { apiError, MAX_EVENT_FILTERS, type ApiError, type EventFilter } from '../../model/api';
import type { EsqlColumn, EsqlValue } from '../../model/esql';
import { column, equals, freshParamNames, isNull, NO_SPAN, param, type Command, type Expression, type Query } from '../../esql';

export const eventFiltersSchema = z
  .array(
    z
      .object({
        field: z.string().min(1).max(300),
        value: z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]),
        negate: z.boolean(),
      })
      .strict(),
  )
  .max(MAX_EVENT_FILTERS);

const CONVERSIONS: Record<string, string> = { ip: 'to_ip', date: 'to_datetime', date_nanos: 'to_date_nanos' };

function operand(type: string, name: string): Expression {
  const fn = CONVERSIONS[type];
  return fn ? { kind: 'function', name: fn, args: [param(name)], span: NO_SPAN } : param(name);
}

function condition(filter: EventFilter, type: string, name: string | undefined): Expression {
  const field = column(filter.field);
  if (name === undefined) return { kind: 'isNull', operand: field, negated: filter.negate, span: NO_SPAN };
  if (!filter.negate) return equals(field, operand(type, name));
  const differs: Expression = { kind: 'binary', op: '!=', left: field, right: operand(type, name), span: NO_SPAN };
  return { kind: 'binary', op: 'or', left: differs, right: isNull(column(filter.field)), span: NO_SPAN };
}

export type Filtered = { ok: true; query: Query; params: Record<string, EsqlValue>[] } | { ok: false; error: ApiError };

/**
 * The query with the filters' WHEREs before its trailing SORT/LIMIT (so the cap counts filtered
 * events, not the newest 10,000 of all), and the params they add.
 */
export function withEventFilters(query: Query, params: Record<string, EsqlValue>[], available: readonly EsqlColumn[], filters: readonly EventFilter[]): Filtered {
  if (filters.length === 0) return { ok: true, query, params };
  const types = new Map(available.map((c) => [c.name, c.type]));
  const unknown = filters.find((f) => !types.has(f.field));
  if (unknown) {
    return { ok: false, error: apiError('bad_request', `These events have no field [${unknown.field.slice(0, 300)}] to filter on.`, 'Remove that filter; the events’ fields are listed in the column chooser.') };
  }
  const valued = filters.filter((f) => f.value !== null).length;
  const names = freshParamNames(query, 'f', valued);
  const added: Record<string, EsqlValue>[] = [];
  const wheres: Command[] = filters.map((f) => {
    let name: string | undefined;
    if (f.value !== null) {
      name = names[added.length];
      added.push({ [name]: f.value });
    }
    return { kind: 'where', condition: condition(f, types.get(f.field) ?? 'keyword', name), span: NO_SPAN };
  });
  let tail = query.commands.length;
  while (tail > 0 && (query.commands[tail - 1].kind === 'sort' || query.commands[tail - 1].kind === 'limit')) tail--;
  const commands = [...query.commands.slice(0, tail), ...wheres, ...query.commands.slice(tail)];
  return { ok: true, query: { ...query, commands }, params: [...params, ...added] };
}
