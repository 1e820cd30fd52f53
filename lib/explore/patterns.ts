/**
 * The FROM patterns the ES|QL editor asks about (`?from=logs-*,-logs-old`): checked, turned into
 * the one query that shows what ES|QL sees behind them (`FROM … | LIMIT 0`: the columns with their
 * types, on either backend), and matched against the backend's names to say which they cover.
 * The patterns are untrusted: they enter the text only as printed source names, and the text is
 * parsed back to prove it names exactly them.
 */
import 'server-only';
import { parse, print, type Query } from '../esql';

export const MAX_PATTERNS = 50;
export const MAX_PATTERN_CHARS = 255;

// Control characters and whitespace name no index (Elasticsearch refuses them in index names).
const FORBIDDEN = /[\u0000-\u0020\u007f-\u009f]/;

export type PatternsResult = { ok: true; patterns: string[]; text: string } | { ok: false; message: string };

/** `a, b-*` → the patterns and `FROM a, b-* | LIMIT 0`, or why they are not source patterns. */
export function limitZeroQuery(from: string): PatternsResult {
  const patterns = from.split(',').map((p) => p.trim());
  if (patterns.length > MAX_PATTERNS) return { ok: false, message: `At most ${MAX_PATTERNS} FROM patterns are resolved at once (got ${patterns.length}).` };
  for (const p of patterns) {
    if (p === '') return { ok: false, message: 'A FROM pattern is empty.' };
    if (p.length > MAX_PATTERN_CHARS) return { ok: false, message: `A FROM pattern is longer than ${MAX_PATTERN_CHARS} characters.` };
    if (FORBIDDEN.test(p)) return { ok: false, message: `[${visible(p)}] is not a source pattern: it has a space or a control character.` };
  }
  const query: Query = {
    kind: 'query',
    span: { start: 0, end: 0 },
    commands: [
      { kind: 'from', sources: patterns.map((name) => ({ kind: 'source', name, span: { start: 0, end: 0 } })), metadata: [], span: { start: 0, end: 0 } },
      { kind: 'limit', count: 0, span: { start: 0, end: 0 } },
    ],
  };
  const text = print(query);
  const back = parse(text);
  const first = back.ok ? back.query.commands[0] : undefined;
  const same = first?.kind === 'from' && back.ok && back.query.commands.length === 2 && first.sources.map((s) => s.name).join('\n') === patterns.join('\n');
  return same ? { ok: true, patterns, text } : { ok: false, message: `[${visible(from)}] is not a list of ES|QL source patterns.` };
}

function visible(text: string): string {
  return JSON.stringify(text.slice(0, 80)).slice(1, -1);
}

/**
 * The names the patterns cover, as Elasticsearch reads a FROM: `*` matches any run of characters,
 * a pattern starting with `-` removes what it matches, a remote cluster's pattern (`other:logs-*`)
 * covers no local name.
 */
export function matchingNames(names: readonly string[], patterns: readonly string[]): string[] {
  const include = patterns.filter((p) => !p.startsWith('-') && !p.includes(':')).map(glob);
  const exclude = patterns.filter((p) => p.startsWith('-')).map((p) => glob(p.slice(1)));
  return names.filter((n) => include.some((g) => g.test(n)) && !exclude.some((g) => g.test(n)));
}

function glob(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`, 's');
}
