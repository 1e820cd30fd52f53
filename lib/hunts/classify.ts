/**
 * Which language a hunt query is written in. Elastic's `language` list is per hunt, not per query,
 * and the library mixes ES|QL, OSQuery SQL and EQL in one file, so each query text is classified.
 */
import 'server-only';
import type { HuntLanguage } from '../model/hunt';

export type QueryLanguage = 'ES|QL' | 'SQL' | 'EQL' | 'other';

/** Leading whitespace and comments (`//`, `/* *\/`, SQL `--`) removed, so the first token decides. */
export function stripLeadingComments(text: string): string {
  let rest = text;
  for (;;) {
    const trimmed = rest.replace(/^\s+/, '');
    if (trimmed.startsWith('//') || trimmed.startsWith('--')) {
      const eol = trimmed.indexOf('\n');
      rest = eol < 0 ? '' : trimmed.slice(eol + 1);
    } else if (trimmed.startsWith('/*')) {
      const end = trimmed.indexOf('*/', 2);
      rest = end < 0 ? '' : trimmed.slice(end + 2);
    } else {
      return trimmed;
    }
  }
}

function firstWord(text: string): string {
  const match = /^[A-Za-z_]+/.exec(stripLeadingComments(text));
  return match ? match[0].toLowerCase() : '';
}

const ESQL_SOURCE_COMMANDS = new Set(['from', 'row', 'show']);
const SQL_STARTS = new Set(['select', 'with']);

/** Strong ES|QL hints used for a text that does not start like ES|QL (e.g. a stray `sql` line). */
function looksLikeEsql(text: string): boolean {
  return /\|\s*where\b/i.test(text) || /\bfrom\s+logs-/i.test(text);
}

export function classifyQuery(text: string, huntLanguages: readonly HuntLanguage[]): QueryLanguage {
  const listsEsql = huntLanguages.includes('ES|QL');
  const word = firstWord(text);
  if (ESQL_SOURCE_COMMANDS.has(word)) return 'ES|QL';
  if (SQL_STARTS.has(word)) return 'SQL';
  if (word === 'sql') {
    // Six library files open a query with a stray `sql` line (a Markdown fence leaking into
    // `'''sql`). What follows decides; an ES|QL one stays ES|QL so its parse error shows.
    const afterLine = text.replace(/^\s*sql[^\n]*\n?/i, '');
    const next = firstWord(afterLine);
    if (SQL_STARTS.has(next)) return 'SQL';
    if (listsEsql && (ESQL_SOURCE_COMMANDS.has(next) || looksLikeEsql(afterLine))) return 'ES|QL';
  }
  if (listsEsql && huntLanguages.every((l) => l === 'ES|QL')) return 'ES|QL';
  if (huntLanguages.includes('EQL')) return 'EQL';
  if (listsEsql && looksLikeEsql(text)) return 'ES|QL';
  if (huntLanguages.includes('SQL') && huntLanguages.length === 1) return 'SQL';
  return 'other';
}
