/**
 * A result row named by its key (the hunt's BY values), for the accessible name of its links:
 * "Events for kworkerds", never "row 14" — an index means nothing once the table is sorted or
 * filtered. Values are attacker-controlled, so bidi and control characters are spelled out.
 */
import type { EsqlValue } from '../../model/esql';
import { valueText } from '../events/display-text';

export function rowKeyLabel(key: readonly EsqlValue[]): string {
  return key.length === 0 ? '(no key)' : key.map(valueText).join(', ');
}
