/**
 * HTTP `Warning` values ↔ plain texts. Elasticsearch sends
 * `299 Elasticsearch-<version>-<hash> "<text>"` with `"` and `\` backslash-escaped, then `%`, control
 * characters and code points past U+00FF percent-encoded (server HeaderWarning; docs/esql-semantics.md §11.3).
 */
import 'server-only';

const ENVELOPE = /^\s*\d{3} Elasticsearch-\S+ "((?:[^"\\]|\\.)*)"/;

export function parseWarning(raw: string): string {
  const match = ENVELOPE.exec(raw);
  if (match === null) return raw.trim();
  const unescaped = match[1].replace(/\\(.)/g, '$1');
  try {
    return decodeURIComponent(unescaped);
  } catch {
    return unescaped;
  }
}

/** Parsed, in order, without duplicates (the same warning can come with submit and poll). */
export function parseWarnings(...lists: (readonly string[] | null | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const list of lists) for (const raw of list ?? []) seen.add(parseWarning(raw));
  return [...seen];
}

/** Characters HeaderWarning sends as they are; the rest (and `%`) are percent-encoded as UTF-8. */
function sentAsIs(code: number): boolean {
  if (code === 0x25) return false;
  return code === 0x09 || code === 0x20 || code === 0x21 || code === 0x22 || code === 0x5c || (code >= 0x23 && code <= 0x5b) || (code >= 0x5d && code <= 0x7e) || (code >= 0x80 && code <= 0xff);
}

/**
 * Elasticsearch's HeaderWarning.escapeAndEncode: backslashes and quotes escaped, then `%`, control
 * characters and code points above U+00FF percent-encoded — the form the csv-spec files write warnings in.
 */
export function escapeWarning(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  let out = '';
  for (const ch of escaped) {
    const code = ch.codePointAt(0) ?? 0;
    if (sentAsIs(code)) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
