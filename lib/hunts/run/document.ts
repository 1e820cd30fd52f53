/**
 * One stored document by its index and `_id`, every non-empty field: the flyout's full event.
 * ES|QL through Backend.query, so a cluster and the embedded store answer alike:
 * `FROM "<index>" METADATA _id, _index | WHERE _id == ?id | LIMIT 1`. The id travels as a param;
 * the index cannot (FROM takes no params), so it must be one concrete index by Elasticsearch's
 * naming rules — no pattern, list, exclusion, remote cluster or selector — and is printed quoted.
 */
import 'server-only';
import { apiError, type DocumentResponse } from '../../model/api';
import type { Backend } from '../../backends/types';
import { column, equals, freshParamNames, NO_SPAN, param, print, type Query } from '../../esql';
import { toApiError } from './errors';
import { withoutEmptyColumns } from './events';

const MAX_INDEX_BYTES = 255;
const MAX_ID_BYTES = 512;

/** Why `index` is not one concrete index name Elasticsearch would accept, or undefined when it is. */
export function indexNameProblem(index: string): string | undefined {
  if (index === '') return 'The index name is empty.';
  if (Buffer.byteLength(index, 'utf8') > MAX_INDEX_BYTES) return `The index name is longer than ${MAX_INDEX_BYTES} bytes.`;
  if (index === '.' || index === '..') return `[${index}] is not an index name.`;
  if (/[*?]/.test(index)) return 'The index name holds a wildcard: name one index.';
  if (index.includes(',')) return 'The index name holds a comma: name one index.';
  if (index.includes(':')) return 'The index name holds a colon (a remote cluster or a selector): name one local index.';
  if (/^[-_+]/.test(index)) return 'An index name cannot start with -, _ or +.';
  if (index !== index.toLowerCase()) return 'An index name is lower case.';
  // Elasticsearch's forbidden characters, whitespace, and controls (a name must print as itself)
  if (/[\\/"<>|#\s\p{Cc}\p{Cf}]/u.test(index)) return 'The index name holds a character Elasticsearch does not allow in one.';
  return undefined;
}

/** The lookup's query and params, or why the index or id cannot be looked up. */
export function documentQuery(index: string, id: string): { ok: true; text: string; params: Record<string, string>[] } | { ok: false; reason: string } {
  const problem = indexNameProblem(index);
  if (problem) return { ok: false, reason: problem };
  if (id === '' || Buffer.byteLength(id, 'utf8') > MAX_ID_BYTES) return { ok: false, reason: `A document _id is 1 to ${MAX_ID_BYTES} bytes.` };
  const base: Query = {
    kind: 'query',
    commands: [
      {
        kind: 'from',
        sources: [{ kind: 'source', name: index, span: NO_SPAN }],
        metadata: ['_id', '_index'].map((name) => ({ kind: 'column' as const, name, span: NO_SPAN })),
        span: NO_SPAN,
      },
    ],
    span: NO_SPAN,
  };
  const [name] = freshParamNames(base, 'id', 1);
  const query: Query = {
    ...base,
    commands: [...base.commands, { kind: 'where', condition: equals(column('_id'), param(name)), span: NO_SPAN }, { kind: 'limit', count: 1, span: NO_SPAN }],
  };
  return { ok: true, text: print(query), params: [{ [name]: id }] };
}

export async function runDocument(backend: Backend, index: string, id: string, now: Date, signal?: AbortSignal): Promise<DocumentResponse> {
  const built = documentQuery(index, id);
  if (!built.ok) return { ok: false, error: apiError('bad_request', built.reason) };
  const result = await backend.query({ query: built.text, params: built.params, now, ...(signal ? { signal } : {}) });
  if (!result.ok) return { ok: false, error: toApiError(result.error, backend.kind) };
  if (result.response.values.length === 0) {
    return { ok: false, error: apiError('not_found', `No document with _id [${id.slice(0, 100)}] in index [${index}].`, 'It may have been deleted, or the index rolled over since the events were listed.') };
  }
  return { ok: true, index, id, result: withoutEmptyColumns(result.response) };
}
