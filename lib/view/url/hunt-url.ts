/**
 * The hunt page's and drill-down page's state as URL search params, so that reloading or sharing
 * a URL shows the same view. Parsing is total: junk in the URL falls back to defaults.
 */
import { MAX_EVENT_FILTERS, type EventFilter } from '../../model/api';
import type { EsqlValue } from '../../model/esql';

export type WindowChoice =
  | { id: 'hunt' | '24h' | '7d' | '14d' | '30d' }
  | { id: 'custom'; from: string; to: string };

export interface SortKey {
  id: string;
  desc: boolean;
}

export interface HuntViewState {
  query: number;
  window: WindowChoice;
  variant?: 'limit-before-sort';
  sort: SortKey[];
  filters: Record<string, string>;
  /** rowKey of the row to bring into view (set when coming back from a drill-down). */
  row?: string;
}

export interface EventsViewState {
  query: number;
  window: WindowChoice;
  variant?: 'limit-before-sort';
  /** The hunt row's BY values, in key order. */
  key: EsqlValue[];
  sort: SortKey | null;
  /** Chosen columns; undefined means the defaults. */
  columns?: string[];
  /** Index (in the sorted order as loaded) of the event open in the flyout. */
  event?: number;
  /** The drill-down's filter for / filter out, applied by the server as params. */
  filters?: EventFilter[];
  /** The hunt page's own search string, to go back to the same sort, filters and row. */
  back: string;
}

const PRESETS = ['hunt', '24h', '7d', '14d', '30d'] as const;
const FILTER_PREFIX = 'filter.';

/** The window of a page's URL (`window`, and `from`/`to` for a custom one); `hunt` when absent or unusable. */
export function readWindow(params: URLSearchParams): WindowChoice {
  const id = params.get('window') ?? 'hunt';
  if (id === 'custom') {
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    if (from && to) return { id: 'custom', from, to };
    return { id: 'hunt' };
  }
  return (PRESETS as readonly string[]).includes(id) ? { id: id as (typeof PRESETS)[number] } : { id: 'hunt' };
}

export function writeWindow(out: URLSearchParams, window: WindowChoice): void {
  if (window.id === 'hunt') return;
  out.set('window', window.id);
  if (window.id === 'custom') {
    out.set('from', window.from);
    out.set('to', window.to);
  }
}

function readQuery(params: URLSearchParams): number {
  const n = Number(params.get('q'));
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
}

/** `-connection_count,process.name`: a leading `-` sorts descending. Names may contain commas only escaped as %2C by the caller. */
export function readSort(text: string | null): SortKey[] {
  if (!text) return [];
  return text
    .split(',')
    .filter((part) => part !== '' && part !== '-')
    .map((part) => (part.startsWith('-') ? { id: part.slice(1), desc: true } : { id: part, desc: false }));
}

export function writeSort(sort: readonly SortKey[]): string {
  return sort.map((s) => `${s.desc ? '-' : ''}${s.id}`).join(',');
}

export function parseHuntState(params: URLSearchParams): HuntViewState {
  const filters: Record<string, string> = {};
  for (const [name, value] of params) if (name.startsWith(FILTER_PREFIX) && value !== '') filters[name.slice(FILTER_PREFIX.length)] = value;
  const row = params.get('row');
  return {
    query: readQuery(params),
    window: readWindow(params),
    ...(params.get('variant') === 'limit-before-sort' ? { variant: 'limit-before-sort' as const } : {}),
    sort: readSort(params.get('sort')),
    filters,
    ...(row ? { row } : {}),
  };
}

export function huntSearch(state: HuntViewState): string {
  const out = new URLSearchParams();
  out.set('q', String(state.query));
  writeWindow(out, state.window);
  if (state.variant) out.set('variant', state.variant);
  if (state.sort.length) out.set('sort', writeSort(state.sort));
  for (const [column, value] of Object.entries(state.filters)) if (value !== '') out.set(`${FILTER_PREFIX}${column}`, value);
  if (state.row) out.set('row', state.row);
  return out.toString();
}

function readKey(text: string | null): EsqlValue[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every(isValue) ? (parsed as EsqlValue[]) : [];
  } catch {
    return [];
  }
}

function isScalar(v: unknown): boolean {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

function isValue(v: unknown): boolean {
  return isScalar(v) || (Array.isArray(v) && v.every(isScalar));
}

function isEventFilter(v: unknown): v is EventFilter {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return typeof f.field === 'string' && f.field !== '' && f.field.length <= 300 && isScalar(f.value) && typeof f.negate === 'boolean';
}

/** `filters=[{"field":"destination.ip","value":"10.0.0.1","negate":false}]`; junk entries are dropped. */
export function readEventFilters(text: string | null): EventFilter[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(isEventFilter).slice(0, MAX_EVENT_FILTERS).map((f) => ({ field: f.field, value: f.value, negate: f.negate }));
  } catch {
    return [];
  }
}

export function writeEventFilters(out: URLSearchParams, filters: readonly EventFilter[] | undefined): void {
  if (filters && filters.length > 0) out.set('filters', JSON.stringify(filters));
}

export function parseEventsState(params: URLSearchParams): EventsViewState {
  const sort = readSort(params.get('sort'))[0] ?? null;
  const cols = params.get('cols');
  const event = Number(params.get('event'));
  const filters = readEventFilters(params.get('filters'));
  return {
    query: readQuery(params),
    window: readWindow(params),
    ...(params.get('variant') === 'limit-before-sort' ? { variant: 'limit-before-sort' as const } : {}),
    key: readKey(params.get('key')),
    sort,
    ...(cols ? { columns: cols.split(',').filter(Boolean) } : {}),
    ...(params.has('event') && Number.isSafeInteger(event) && event >= 0 ? { event } : {}),
    ...(filters.length > 0 ? { filters } : {}),
    back: params.get('back') ?? '',
  };
}

export function eventsSearch(state: EventsViewState): string {
  const out = new URLSearchParams();
  out.set('q', String(state.query));
  writeWindow(out, state.window);
  if (state.variant) out.set('variant', state.variant);
  out.set('key', JSON.stringify(state.key));
  if (state.sort) out.set('sort', writeSort([state.sort]));
  if (state.columns) out.set('cols', state.columns.join(','));
  if (state.event !== undefined) out.set('event', String(state.event));
  writeEventFilters(out, state.filters);
  if (state.back) out.set('back', state.back);
  return out.toString();
}

/** The drill-down URL for one hunt row, remembering the hunt view to come back to. */
export function eventsHref(huntId: string, hunt: HuntViewState, key: EsqlValue[], rowKey: string): string {
  const back = huntSearch({ ...hunt, row: rowKey });
  const search = eventsSearch({ query: hunt.query, window: hunt.window, ...(hunt.variant ? { variant: hunt.variant } : {}), key, sort: null, back });
  return `/hunts/${encodeURIComponent(huntId)}/events?${search}`;
}

/** The hunt page to go back to; `back` is only ever used as a search string of this hunt's page. */
export function backHref(huntId: string, back: string): string {
  const safe = new URLSearchParams(back).toString();
  return `/hunts/${encodeURIComponent(huntId)}${safe ? `?${safe}` : ''}`;
}
