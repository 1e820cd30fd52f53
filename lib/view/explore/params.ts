/**
 * Explore's params editor as data: one `name = value` row per named param, the value typed as
 * JSON (`"10.0.0.1"`, `5`, `true`, `["a", "b"]`) — or, when it is not JSON, taken as the text it
 * is, so an IP or a host name needs no quotes. Pure.
 */
import type { EsqlScalar, EsqlValue } from '../../model/esql';

export interface ParamRow {
  name: string;
  /** The value as typed. */
  value: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const isScalar = (v: unknown): v is EsqlScalar => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** The value a row's text stands for. */
export function paramValue(text: string): EsqlValue {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isScalar(parsed) || (Array.isArray(parsed) && parsed.every(isScalar))) return parsed as EsqlValue;
  } catch {
    // not JSON: the text itself
  }
  return text;
}

export function paramRows(params: readonly Record<string, EsqlValue>[]): ParamRow[] {
  return params.flatMap((p) => Object.entries(p).map(([name, value]) => ({ name, value: typeof value === 'string' ? value : JSON.stringify(value) })));
}

export type ParamsResult = { ok: true; params: Record<string, EsqlValue>[] } | { ok: false; row: number; message: string };

/**
 * The rows as the `_query` API's named params; empty rows are skipped. A string row keeps its
 * text as typed — `"a"` (JSON) and `a` both mean the string a.
 */
export function rowsToParams(rows: readonly ParamRow[]): ParamsResult {
  const params: Record<string, EsqlValue>[] = [];
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const name = row.name.trim().replace(/^\?/, '');
    if (name === '' && row.value.trim() === '') continue;
    if (!NAME.test(name)) return { ok: false, row: i, message: `Param name “${name}” must start with a letter or _ and hold only letters, digits and _.` };
    if (seen.has(name)) return { ok: false, row: i, message: `Param ?${name} is given twice.` };
    seen.add(name);
    params.push({ [name]: paramValue(row.value) });
  }
  return { ok: true, params };
}
