/** Parsing of option values shared by the commands (`--now`, `--param`, `--format`, numbers). */
import 'server-only';
import type { EsqlValue } from '../model/esql';
import { UsageError, type CliIo } from './io';

export type OutputFormat = 'json' | 'csv' | 'txt';

export function parseFormat(value: string | undefined): OutputFormat {
  if (value === undefined) return 'txt';
  if (value === 'json' || value === 'csv' || value === 'txt') return value;
  throw new UsageError(`--format must be json, csv or txt, not [${value}]`);
}

/** `--now`, else HUNTBOARD_NOW, else undefined (the backend's clock). */
export function parseNow(value: string | undefined, env: CliIo['env']): Date | undefined {
  const text = value ?? env.HUNTBOARD_NOW;
  if (text === undefined || text === '') return undefined;
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
    throw new UsageError(`${value !== undefined ? '--now' : 'HUNTBOARD_NOW'} must be an ISO-8601 date, not [${text}]`);
  }
  return date;
}

function isEsqlValue(value: unknown): value is EsqlValue {
  const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  return scalar(value) || (Array.isArray(value) && value.every(scalar));
}

/** `name=value`: the value as JSON when it parses to a scalar or a flat array, else the text itself. */
export function parseParam(option: string): Record<string, EsqlValue> {
  const eq = option.indexOf('=');
  if (eq <= 0) throw new UsageError(`--param must be name=value, not [${option}]`);
  const name = option.slice(0, eq).replace(/^\?/, '');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`--param name [${name}] is not a valid parameter name`);
  const text = option.slice(eq + 1);
  try {
    const parsed: unknown = JSON.parse(text);
    if (isEsqlValue(parsed)) return { [name]: parsed };
  } catch {
    // not JSON: a plain string
  }
  return { [name]: text };
}

export function parseParams(options: readonly string[] | undefined): Record<string, EsqlValue>[] | undefined {
  if (!options || options.length === 0) return undefined;
  return options.map(parseParam);
}

export function parsePositiveNumber(name: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} must be a positive ${integer ? 'integer' : 'number'}, not [${value}]`);
  }
  return n;
}
