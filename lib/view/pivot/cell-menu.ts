/**
 * What a cell's action menu offers: filter for / filter out (where the table filters), copy (the
 * raw value, as stored), and the field's pivots into Explore. A multi-value gets the filters and
 * pivots of each of its first values, each item naming its value.
 */
import type { EsqlScalar, EsqlValue } from '../../model/esql';
import { escapeVisible } from '../text/escape';
import { pivotFor, type PivotContext } from './pivot';

export type CellMenuItem =
  | { kind: 'filter'; label: string; value: EsqlScalar; negate: boolean }
  | { kind: 'copy'; label: string; text: string }
  | { kind: 'pivot'; label: string; href: string };

export interface CellMenuOptions {
  /** The table filters on this field (filter for / out are offered). */
  filters: boolean;
  /** Where the pivots read; absent: no pivots. */
  pivot?: PivotContext;
}

/** Values of a multi-value cell that get their own items. */
const MAX_MENU_VALUES = 5;
const LABEL_MAX = 40;

function shown(value: EsqlScalar): string {
  const text = escapeVisible(String(value));
  return text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text;
}

/** The text Copy puts on the clipboard: the value itself; a multi-value one per line. */
export function copyText(value: EsqlValue): string {
  if (Array.isArray(value)) return value.map((v) => (v === null ? '' : String(v))).join('\n');
  return value === null ? '' : String(value);
}

export function cellMenu(field: string, type: string, value: EsqlValue, options: CellMenuOptions): CellMenuItem[] {
  const list = Array.isArray(value) ? [...new Set(value.filter((v) => v !== null))].slice(0, MAX_MENU_VALUES) : [value];
  const multi = Array.isArray(value);
  const suffix = (v: EsqlScalar) => (multi ? ` “${shown(v)}”` : ' value');
  const items: CellMenuItem[] = [];
  // A filter is on a value: "is null" is not a value a table's filter box can say.
  if (options.filters && value !== null) {
    for (const v of list) {
      items.push({ kind: 'filter', label: `Filter for${suffix(v)}`, value: v, negate: false });
      items.push({ kind: 'filter', label: `Filter out${suffix(v)}`, value: v, negate: true });
    }
  }
  if (value !== null && !(multi && list.length === 0)) items.push({ kind: 'copy', label: multi ? 'Copy values' : 'Copy value', text: copyText(value) });
  if (options.pivot) {
    for (const v of list) {
      const pivot = pivotFor(field, type, v, options.pivot);
      if (pivot) items.push({ kind: 'pivot', label: multi ? `${pivot.label}: ${shown(v)}` : pivot.label, href: pivot.href });
    }
  }
  return items;
}
