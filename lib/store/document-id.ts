/**
 * A stored document's `_id`. Elasticsearch exports (bulk files, NDJSON dumps) carry it as a
 * top-level `_id` key beside the fields: ingest keeps it in the part's `_id` column, never as a
 * mapped field. A document without one gets its id from where ingest put it: the part's file name
 * (unique, never renamed after commit) and its row in that immutable part. So the id is fixed at
 * ingest, the same across restarts and queries, costs no stored bytes, and parts written before
 * ids existed have one too.
 */
import 'server-only';

/** The part column holding a document's own `_id` (null where ingest assigned it). */
export const ID_COLUMN = '_id';

/** Elasticsearch's limit on an `_id` (IndexRequest.validate). */
const MAX_ID_BYTES = 512;

export type DocumentId = { ok: true; id: string | undefined } | { ok: false; reason: string };

/** The document's own `_id`, if it has one, as Elasticsearch's bulk API would accept it. */
export function documentId(doc: Record<string, unknown>): DocumentId {
  if (!Object.hasOwn(doc, ID_COLUMN)) return { ok: true, id: undefined };
  const raw = doc[ID_COLUMN];
  // the bulk parser takes the id's text: a number is its JSON form
  const id = typeof raw === 'string' ? raw : (typeof raw === 'number' && Number.isFinite(raw)) || typeof raw === 'bigint' ? String(raw) : undefined;
  if (id === undefined) return { ok: false, reason: `Failed to parse [_id]: expected a string, found ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw}` };
  if (id === '') return { ok: false, reason: 'if _id is specified it must not be empty' };
  const bytes = Buffer.byteLength(id, 'utf8');
  if (bytes > MAX_ID_BYTES) return { ok: false, reason: `id [${id.slice(0, 40)}…] is too long, must be no longer than ${MAX_ID_BYTES} bytes but was: ${bytes}` };
  return { ok: true, id };
}

/** The document without its `_id` key: what ingest maps and stores as fields. */
export function withoutId(doc: Record<string, unknown>): Record<string, unknown> {
  // fromEntries keeps a key named `__proto__` an ordinary field, as JSON.parse made it
  return Object.fromEntries(Object.entries(doc).filter(([key]) => key !== ID_COLUMN));
}

const ID_KEY = /"(?:_|\\u005[fF])(?:i|\\u0069)(?:d|\\u0064)"/;

/**
 * Whether NDJSON bytes may hold an `_id` key (anywhere: a cheap, conservative test). The native
 * reader knows nothing of ids, so a batch that may hold one goes through the reference path.
 */
export function mayHoldIdKey(bytes: Buffer): boolean {
  if (bytes.includes('"_id"')) return true;
  // an escaped key spells the same name
  return bytes.includes('\\u00') && ID_KEY.test(bytes.toString('latin1'));
}
