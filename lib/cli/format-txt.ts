/**
 * An aligned text table in the manner of Elasticsearch's `format=txt`: centred header, a `-` row
 * with `+` at column boundaries, `|` between cells, columns at least 15 characters wide. Cells are
 * escaped visibly so that no control character or bidi override reaches the terminal.
 */
import 'server-only';
import type { EsqlColumn, EsqlValue } from '../model/esql';
import { escapeVisible } from './escape';

const MIN_COLUMN_WIDTH = 15;

function scalarText(value: string | number | boolean | null): string {
  return value === null ? 'null' : escapeVisible(String(value));
}

export function txtCell(value: EsqlValue): string {
  if (Array.isArray(value)) return `[${value.map(scalarText).join(', ')}]`;
  return scalarText(value);
}

/** Width in code points (astral characters count once). */
function widthOf(text: string): number {
  return [...text].length;
}

export function toTxt(columns: readonly Pick<EsqlColumn, 'name'>[], values: readonly EsqlValue[][]): string {
  const header = columns.map((c) => escapeVisible(c.name));
  const cells = values.map((row) => row.map(txtCell));
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
