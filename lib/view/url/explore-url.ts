/**
 * Explore's address: the ES|QL text, its named params and the window, so a pivot, an "Open in
 * Explore" link, a reload or a shared link all show the same query. Values travel as params,
 * never spliced into the text. The view of the result (sort, columns, open event) is kept beside
 * them, as on the drill-down.
 */
import type { EsqlValue } from '../../model/esql';
import { readSort, readWindow, type SortKey, type WindowChoice, writeSort, writeWindow } from './hunt-url';

export const EXPLORE_PATH = '/explore';

export interface ExploreLink {
  query: string;
  /** Named params, `[{ ip: "10.0.0.1" }]`, as the `_query` API takes them. */
  params?: Record<string, EsqlValue>[];
  window: WindowChoice;
}

export function exploreHref(link: ExploreLink): string {
  const out = new URLSearchParams();
  out.set('esql', link.query);
  if (link.params && link.params.length > 0) out.set('params', JSON.stringify(link.params));
  writeWindow(out, link.window);
  return `${EXPLORE_PATH}?${out.toString()}`;
}

/** Bounds on what a URL may carry: a pasted or hostile link cannot make the page hold megabytes. */
export const EXPLORE_LIMITS = { queryChars: 100_000, params: 100, paramNameChars: 128, valueChars: 10_000, arrayValues: 1_000, columns: 500 } as const;

export interface ExploreViewState {
  /** The query that runs ('' = none yet). */
  query: string;
  params: Record<string, EsqlValue>[];
  window: WindowChoice;
  sort: SortKey | null;
  /** Chosen columns; undefined means the defaults. */
  columns?: string[];
  /** Index in the loaded result of the event open in the flyout. */
  event?: number;
  /** What of the URL was left out, in words (bad params, a query over the bound). Never written back. */
  notes: string[];
}

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const isScalar = (v: unknown): v is string | number | boolean | null =>
  v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= EXPLORE_LIMITS.valueChars);

function isParamValue(v: unknown): v is EsqlValue {
  return isScalar(v) || (Array.isArray(v) && v.length <= EXPLORE_LIMITS.arrayValues && v.every(isScalar));
}

/** `[{name: value}, …]` with one usable name per entry; anything else is left out with a note. */
export function readParams(text: string | null): { params: Record<string, EsqlValue>[]; notes: string[] } {
  if (!text) return { params: [], notes: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { params: [], notes: ['The link’s params are not JSON: they were ignored.'] };
  }
  if (!Array.isArray(parsed)) return { params: [], notes: ['The link’s params are not a list of {name: value}: they were ignored.'] };
  const params: Record<string, EsqlValue>[] = [];
  let dropped = 0;
  for (const entry of parsed.slice(0, EXPLORE_LIMITS.params)) {
    const pairs = entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? Object.entries(entry as Record<string, unknown>) : [];
    const usable = pairs.length === 1 && PARAM_NAME.test(pairs[0][0]) && pairs[0][0].length <= EXPLORE_LIMITS.paramNameChars && isParamValue(pairs[0][1]);
    if (usable) params.push(Object.fromEntries(pairs) as Record<string, EsqlValue>);
    else dropped++;
  }
  const notes: string[] = [];
  if (dropped > 0) notes.push(`${dropped === 1 ? 'One param' : `${dropped} params`} of the link could not be read and ${dropped === 1 ? 'was' : 'were'} ignored.`);
  if (parsed.length > EXPLORE_LIMITS.params) notes.push(`Only the first ${EXPLORE_LIMITS.params} params of the link were kept.`);
  return { params, notes };
}

export function parseExploreState(search: URLSearchParams): ExploreViewState {
  const notes: string[] = [];
  let query = search.get('esql') ?? '';
  if (query.length > EXPLORE_LIMITS.queryChars) {
    notes.push(`The link’s query is longer than ${EXPLORE_LIMITS.queryChars.toLocaleString('en-US')} characters: it was not loaded.`);
    query = '';
  }
  const params = readParams(search.get('params'));
  notes.push(...params.notes);
  const cols = search.get('cols');
  const event = Number(search.get('event'));
  return {
    query,
    params: params.params,
    window: readWindow(search),
    sort: readSort(search.get('sort'))[0] ?? null,
    ...(cols ? { columns: cols.split(',').filter(Boolean).slice(0, EXPLORE_LIMITS.columns) } : {}),
    ...(search.has('event') && Number.isSafeInteger(event) && event >= 0 ? { event } : {}),
    notes,
  };
}

export function exploreSearch(state: ExploreViewState): string {
  const out = new URLSearchParams(exploreHref({ query: state.query, params: state.params, window: state.window }).slice(EXPLORE_PATH.length + 1));
  if (state.query === '') out.delete('esql');
  if (state.sort) out.set('sort', writeSort([state.sort]));
  if (state.columns) out.set('cols', state.columns.join(','));
  if (state.event !== undefined) out.set('event', String(state.event));
  return out.toString();
}
