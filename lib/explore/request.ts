/**
 * Explore's request body: the analyst's ES|QL, its named params (as the `_query` API takes them:
 * `[{"ip": "10.0.0.1"}]`) and the window. Everything is untrusted: sizes are bounded, param names
 * are identifiers, and values are JSON scalars or arrays of them — they only ever travel as params.
 */
import 'server-only';
import { z } from 'zod';
import type { EsqlValue } from '../model/esql';
import { HUNT_WINDOW, windowSpecSchema, type WindowSpec } from '../hunts/run/window-spec';

/** Longer texts are refused with their length, before anything parses them. */
export const MAX_QUERY_CHARS = 100_000;
export const MAX_PARAMS = 100;

const scalar = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);
const value = z.union([scalar, z.array(scalar).max(1000)]);
/** Elasticsearch's named param: a letter or underscore, then letters, digits and underscores. */
const paramName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'a param name is a letter or _ then letters, digits or _');
const namedParam = z.record(paramName, value).refine((p) => Object.keys(p).length === 1, 'each param is one {"name": value}');

export const exploreBodySchema = z
  .object({
    // The schema's own bound is the body's; the query's is checked with a message that says it (prepare.ts).
    query: z.string().max(2 * MAX_QUERY_CHARS),
    params: z.array(namedParam).max(MAX_PARAMS).default([]),
    window: windowSpecSchema.default(HUNT_WINDOW),
  })
  .strict();

export interface ExploreInput {
  query: string;
  params: Record<string, EsqlValue>[];
  window: WindowSpec;
}
