/**
 * HTTP `Warning` values → plain texts. Elasticsearch sends
 * `299 Elasticsearch-<version>-<hash> "<text>"` with `"` and `\` backslash-escaped and non-ASCII
 * percent-encoded (server HeaderWarning; docs/esql-semantics.md §11.3).
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
