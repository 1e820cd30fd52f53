/**
 * LIKE and RLIKE patterns. LIKE (`*`, `?`, `\` escape; case-sensitive, whole string) becomes a SQL
 * LIKE pattern with `\` as escape. RLIKE is a Lucene regular expression, always anchored; it is
 * translated to RE2 for `regexp_full_match`, and the Lucene operators RE2 lacks (`@ & ~ < > #`,
 * quoted strings) are refused rather than read differently (docs/esql-semantics.md §7).
 * Lucene has no inline flags: a quantifier with nothing before it (`?` opening a group, as in
 * `(?i)`) is a literal character there, so `(?i)abc` matches the text `?iabc`, never `ABC`.
 */
import 'server-only';


export function likeToSql(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i];
      out += next === '%' || next === '_' || next === '\\' ? '\\' + next : next;
    } else if (ch === '\\') {
      out += '\\\\';
    } else if (ch === '*') {
      out += '%';
    } else if (ch === '?') {
      out += '_';
    } else if (ch === '%' || ch === '_') {
      out += '\\' + ch;
    } else {
      out += ch;
    }
  }
  return out;
}

export type RegexTranslation = { ok: true; regex: string } | { ok: false; reason: string };

const UNSUPPORTED_LUCENE = new Set(['@', '&', '~', '<', '>', '#', '"']);

export function rlikeToRegex(pattern: string): RegexTranslation {
  let out = '';
  let inClass = false;
  /** The quantifier just emitted (`*`, `+`, `?`), so that a stacked one can be merged. */
  let lastQuantifier: string | undefined;
  /** Nothing to repeat yet: at the start, after `(` or after `|`. */
  let operandStart = true;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    const previous = lastQuantifier;
    const atOperandStart = operandStart;
    lastQuantifier = undefined;
    operandStart = !inClass && (ch === '(' || ch === '|');
    if (!inClass && atOperandStart && (ch === '*' || ch === '+' || ch === '?' || ch === '{')) {
      // Lucene's parser reads a quantifier with no operand as the character itself; RE2 would refuse it.
      out += '\\' + ch;
      continue;
    }
    if (!inClass && (ch === '*' || ch === '+' || ch === '?') && previous) {
      // Lucene allows stacked quantifiers (`.+*` is `(.+)*`); RE2 does not. Two stacked ones
      // match what one does: `++` is `+`, `??` is `?`, any other pair is `*`.
      const merged = previous === ch && ch !== '*' ? ch : '*';
      out = out.slice(0, -1) + merged;
      lastQuantifier = merged;
      continue;
    }
    if (!inClass && (ch === '*' || ch === '+' || ch === '?')) {
      if (pattern[i - 1] === '}') return { ok: false, reason: 'quantifier after a repetition range' };
      lastQuantifier = ch;
    }
    if (ch === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return { ok: false, reason: 'trailing backslash' };
      // Lucene escapes any character to itself; letters would become RE2 classes (\d, \w), so refuse them.
      if (/[A-Za-z0-9]/.test(next)) return { ok: false, reason: `escape sequence [\\${next}]` };
      out += '\\' + next;
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      if (ch === '[') return { ok: false, reason: 'nested character class' };
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      continue;
    }
    if (UNSUPPORTED_LUCENE.has(ch)) return { ok: false, reason: `operator [${ch}]` };
    if (ch === '^' || ch === '$') return { ok: false, reason: `character [${ch}]` };
    out += ch;
  }
  if (inClass) return { ok: false, reason: 'unterminated character class' };
  return { ok: true, regex: out };
}
