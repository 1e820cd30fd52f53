/**
 * Identifiers and string literals as SQL text, for every statement Huntboard builds (store and
 * engine alike): quoting rules live in one spot.
 */
import 'server-only';


export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

export function quoteString(value: string): string {
  return "'" + value.replace(/'/g, "''") + "'";
}
