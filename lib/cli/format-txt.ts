/**
 * An aligned text table in the manner of Elasticsearch's `format=txt`: centred header, a `-` row
 * with `+` at column boundaries, `|` between cells, columns at least 15 characters wide. Cells are
 * escaped visibly so that no control character or bidi override reaches the terminal.
 */
import 'server-only';
import type { EsqlColumn, EsqlValue } from '../model/esql';
import { javaDoubleText } from '../view/text/java-double';
import { escapeVisible } from './escape';

const MIN_COLUMN_WIDTH = 15;

function scalarText(value: string | number | boolean | null, double: boolean): string {
  if (value === null) return 'null';
  return double && typeof value === 'number' ? javaDoubleText(value) : escapeVisible(String(value));
}

/** A cell as Elasticsearch's txt format prints it; a double column's numbers as Java writes them (`1.0`). */
export function txtCell(value: EsqlValue, type?: string): string {
  const double = type === 'double';
  if (Array.isArray(value)) return `[${value.map((v) => scalarText(v, double)).join(', ')}]`;
  return scalarText(value, double);
}

/** Width in code points (astral characters count once). */
function widthOf(text: string): number {
  return [...text].length;
}

export function toTxt(columns: readonly (Pick<EsqlColumn, 'name'> & { type?: string })[], values: readonly EsqlValue[][]): string {
  const header = columns.map((c) => escapeVisible(c.name));
  const cells = values.map((row) => row.map((v, i) => txtCell(v, columns[i]?.type)));
  const widths = header.map((name, i) =>
    Math.max(MIN_COLUMN_WIDTH, widthOf(name), ...cells.map((row) => widthOf(row[i] ?? ''))),
  );
  const headerLine = header
    .map((name, i) => {
      const left = Math.floor((widths[i] - widthOf(name)) / 2);
      return ' '.repeat(left) + name + ' '.repeat(widths[i] - widthOf(name) - left);
    })
    .join('|');
  const separator = widths.map((w) => '-'.repeat(w)).join('+');
  const rows = cells.map((row) => row.map((cell, i) => cell + ' '.repeat(widths[i] - widthOf(cell))).join('|'));
  return [headerLine, separator, ...rows].map((line) => `${line}\n`).join('');
}
