/**
 * One event as the flyout shows it: its non-null fields grouped by their first dotted segment
 * (agent, destination, event, host, …), a filter over names and values, and the JSON to copy.
 */
import type { EsqlColumn, EsqlValue } from '../../model/esql';
import { escapeJsonText } from '../text/escape';

export interface EventField {
  name: string;
  type: string;
  value: EsqlValue;
}

export interface FieldGroup {
  group: string;
  fields: EventField[];
}

const isEmpty = (v: EsqlValue | undefined) => v === undefined || v === null || (Array.isArray(v) && v.every((x) => x === null));

export function groupName(field: string): string {
  const dot = field.indexOf('.');
  return dot <= 0 ? field : field.slice(0, dot);
}

export function eventFields(columns: readonly EsqlColumn[], row: readonly EsqlValue[]): EventField[] {
  return columns.flatMap((c, i) => (isEmpty(row[i]) ? [] : [{ name: c.name, type: c.type, value: row[i] }]));
}

/** Groups in name order ('@timestamp' first, since '@' sorts before letters), fields by name within. */
export function groupFields(fields: readonly EventField[]): FieldGroup[] {
  const groups = new Map<string, EventField[]>();
  for (const f of [...fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const g = groupName(f.name);
    const list = groups.get(g);
    if (list) list.push(f);
    else groups.set(g, [f]);
  }
  return [...groups.keys()].sort().map((group) => ({ group, fields: groups.get(group) ?? [] }));
}

function valueString(v: EsqlValue): string {
  return Array.isArray(v) ? v.map(String).join(' ') : String(v);
}

/** Fields whose name or value contains every word of `filter` (case-insensitive). */
export function filterFields(fields: readonly EventField[], filter: string): EventField[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...fields];
  return fields.filter((f) => {
    const text = `${f.name} ${valueString(f.value)}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** field → value of the non-null fields; fromEntries keeps a field named `__proto__` an ordinary key. */
export function eventObject(columns: readonly EsqlColumn[], row: readonly EsqlValue[]): Record<string, EsqlValue> {
  return Object.fromEntries(eventFields(columns, row).map((f) => [f.name, f.value]));
}

/** Pretty JSON; bidi and invisible characters as `\uXXXX` so a paste cannot reorder it (still the same JSON). */
export function eventJson(columns: readonly EsqlColumn[], row: readonly EsqlValue[]): string {
  return escapeJsonText(JSON.stringify(eventObject(columns, row), null, 2));
}

type JsonObject = { [key: string]: JsonValue };
type JsonValue = EsqlValue | JsonObject;

/**
 * The event as a nested document, built from its dotted field names (`process.name` →
 * `{ process: { name } }`), as `_source` would hold it. A multi-field under a value
 * (`process.name.text` beside `process.name`) keeps the rest of its name as one dotted key
 * beside that value, so nothing is lost. Objects have no prototype: `__proto__` is a key like any.
 */
export function nestedDocument(columns: readonly EsqlColumn[], row: readonly EsqlValue[]): JsonObject {
  const root: JsonObject = Object.create(null) as JsonObject;
  const fields = eventFields(columns, row).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const f of fields) {
    const parts = f.name.split('.');
    let at = root;
    let i = 0;
    for (; i < parts.length - 1; i++) {
      const next = at[parts[i]];
      if (next === undefined) {
        const child = Object.create(null) as JsonObject;
        at[parts[i]] = child;
        at = child;
      } else if (isObject(next)) {
        at = next;
      } else {
        break;
      }
    }
    const key = parts.slice(i).join('.');
    if (at[key] === undefined) at[key] = f.value;
  }
  return root;
}

function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The nested document as pretty JSON, bidi and invisible characters as `\uXXXX` (as eventJson). */
export function eventDocumentJson(columns: readonly EsqlColumn[], row: readonly EsqlValue[]): string {
  return escapeJsonText(JSON.stringify(nestedDocument(columns, row), null, 2));
}
