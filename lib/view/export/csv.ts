/**
 * RFC 4180 CSV of an ES|QL result (header of column names, CRLF line ends). Pure: the CLI and the
 * web UI's export share it. Cells that a spreadsheet would evaluate as a formula get a leading
 * `'`; control and bidi characters are escaped visibly; multi-values are joined with `;`.
 */
import type { EsqlColumn, EsqlValue } from '../../model/esql';
import { escapeVisible } from '../text/escape';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A spreadsheet evaluates a cell starting with these as a formula: a leading `'` makes it text. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function scalarText(value: Exclude<EsqlValue, unknown[]>): string {
  if (value === null) return '';
  return String(value);
}

/** A string cell as a spreadsheet will see it: formula neutralised, unsafe characters escaped. */
function safeText(text: string): string {
  return escapeVisible(neutralizeFormula(text));
}

function cellText(value: EsqlValue): string {
  if (Array.isArray(value)) {
    const joined = value.map((v) => scalarText(v)).join(';');
    return safeText(joined);
  }
  // Numbers and booleans come from the engine, not from an attacker: `-5` stays a number.
  if (typeof value === 'string') return safeText(value);
  return scalarText(value);
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function toCsv(columns: readonly EsqlColumn[], values: readonly EsqlValue[][]): string {
  const lines = [columns.map((c) => quote(safeText(c.name))).join(',')];
  for (const row of values) lines.push(row.map((v) => quote(cellText(v))).join(','));
  return lines.map((line) => `${line}\r\n`).join('');
}
