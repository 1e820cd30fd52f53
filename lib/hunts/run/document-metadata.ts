/**
 * The drill-down's rows carry their document's `_id` and `_index`, so the flyout can fetch the
 * whole document (lib/hunts/run/document.ts) whatever fields the event has. They are asked for
 * with `METADATA _id, _index` on the FROM, and only when nothing before the drill-down's end
 * could drop, rename or overwrite them: a STATS, KEEP, DROP, RENAME or ENRICH, or an EVAL, DISSECT
 * or GROK that may write a column of that name. Otherwise the rows stay as they were (the flyout
 * falls back to event.id).
 */
import 'server-only';
import type { Command, Query } from '../../esql';
import { NO_SPAN } from '../../esql';

export const DOCUMENT_METADATA = ['_id', '_index'] as const;

function mayWriteMetadata(command: Command): boolean {
  switch (command.kind) {
    case 'where':
    case 'sort':
    case 'limit':
    case 'mvExpand':
      return false;
    case 'eval':
      return command.fields.some((f) => f.name !== undefined && (DOCUMENT_METADATA as readonly string[]).includes(f.name.name));
    case 'dissect':
      return DOCUMENT_METADATA.some((name) => command.pattern.includes(name));
    case 'grok':
      return DOCUMENT_METADATA.some((name) => [command.pattern, ...(command.alternatives ?? [])].some((p) => p.includes(name)));
    default:
      return true;
  }
}

/** The query with `_id` and `_index` on its FROM when they reach its end; `added` says whether they do. */
export function withDocumentMetadata(query: Query): { query: Query; added: boolean } {
  const [from, ...rest] = query.commands;
  if (from?.kind !== 'from' || rest.some(mayWriteMetadata)) return { query, added: false };
  const have = new Set(from.metadata.map((m) => m.name));
  const metadata = [...from.metadata, ...DOCUMENT_METADATA.filter((name) => !have.has(name)).map((name) => ({ kind: 'column' as const, name, span: NO_SPAN }))];
  return { query: { ...query, commands: [{ ...from, metadata }, ...rest] }, added: true };
}
