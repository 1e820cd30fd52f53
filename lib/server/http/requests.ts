/**
 * Input validation of the hunt API routes and the shared first steps (find the hunt, prepare the
 * query). Everything from the browser is untrusted: sizes are bounded, shapes checked by zod,
 * and a failure is an ApiError, never a thrown exception.
 */
import 'server-only';
import { z } from 'zod';
import { apiError, type ApiError } from '../../model/api';
import { findHunt, loadCatalogue } from '../../hunts/catalogue';
import { PICK_A_HUNT } from '../../hunts/run/errors';
import { prepareHuntQuery, VARIANTS, type PreparedQuery } from '../../hunts/run/prepare';
import { HUNT_WINDOW, windowSpecSchema } from '../../hunts/run/window-spec';
import { eventFiltersSchema } from '../../hunts/run/event-filters';

const scalar = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);
const value = z.union([scalar, z.array(scalar).max(1000)]);

const base = {
  window: windowSpecSchema.default(HUNT_WINDOW),
  variant: z.enum(VARIANTS).optional(),
};

export const runBodySchema = z.object(base).strict();
export const contextBodySchema = z.object({ ...base, rows: z.array(z.record(z.string().max(1000), value)).max(1000) }).strict();
const key = z.array(value).min(1).max(32);
export const eventsBodySchema = z.object({ ...base, key, columns: z.array(z.string().min(1).max(300)).max(300).optional(), filters: eventFiltersSchema.optional() }).strict();
export const eventBodySchema = z.object({ ...base, key, eventId: z.string().min(1).max(300) }).strict();

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A JSON body checked against a schema; an empty body counts as `{}`. */
export async function readBody<T>(request: Request, schema: z.ZodType<T>): Promise<Parsed<T>> {
  const text = await request.text();
  if (text.length > 2_000_000) return { ok: false, error: apiError('bad_request', 'The request body is too large.') };
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return { ok: false, error: apiError('bad_request', 'The request body is not valid JSON.') };
  }
  return parseBody(json, schema);
}

/** A parsed body checked against a schema (a page answering its first call itself checks the same). */
export function parseBody<T>(json: unknown, schema: z.ZodType<T>): Parsed<T> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: apiError('bad_request', `Invalid request${where}: ${issue.message}`) };
  }
  return { ok: true, value: parsed.data };
}

/** `/api/hunts/[id]/queries/[n]/…` → the prepared query, or the error to answer with. */
export async function prepareFromRoute(
  id: string,
  n: string,
  body: { window: z.infer<typeof windowSpecSchema>; variant?: (typeof VARIANTS)[number] },
  now: Date,
): Promise<Parsed<PreparedQuery>> {
  if (!/^[1-9]\d{0,3}$/.test(n)) return { ok: false, error: apiError('bad_request', `[${n.slice(0, 40)}] is not a query number.`) };
  const catalogue = await loadCatalogue();
  const hunt = findHunt(catalogue, id);
  if (!hunt) return { ok: false, error: apiError('not_found', `There is no hunt [${id.slice(0, 200)}].`, PICK_A_HUNT) };
  const prepared = prepareHuntQuery(hunt, Number(n), { window: body.window, ...(body.variant ? { variant: body.variant } : {}), now });
  return prepared.ok ? { ok: true, value: prepared.prepared } : prepared;
}

