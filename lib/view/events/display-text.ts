/**
 * Text of attacker-controlled values for places that are not a CellValue (chart ticks, the
 * flyout's labels): control and bidirectional-override characters become visible escapes so a
 * label cannot reorder or hide what surrounds it.
 */
import type { EsqlValue } from '../../model/esql';
import { escapeVisible } from '../text/escape';

/** The same visible spelling (`\u202e`, `\n`) CellValue, the CLI and the exports use. */
export function inertText(text: string): string {
  return escapeVisible(text);
}

export function valueText(value: EsqlValue): string {
  if (value === null) return '(none)';
  if (Array.isArray(value)) return value.map((v) => (v === null ? 'null' : inertText(String(v)))).join(', ');
  return inertText(String(value));
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
