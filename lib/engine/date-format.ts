/**
 * Java DateTimeFormatter patterns (as DATE_FORMAT takes them) → strftime. Only the common letters
 * are translated; anything else is refused so a format never prints differently (docs/esql-semantics.md §9).
 */
import 'server-only';

const LETTERS: Record<string, string> = {
  yyyy: '%Y',
  uuuu: '%Y',
  yy: '%y',
  MM: '%m',
  MMM: '%b',
  MMMM: '%B',
  dd: '%d',
  HH: '%H',
  hh: '%I',
  mm: '%M',
  ss: '%S',
  SSS: '%g',
  a: '%p',
  EEE: '%a',
  EEEE: '%A',
  DDD: '%j',
};

export type StrftimeTranslation = { ok: true; format: string } | { ok: false; reason: string };

export function dateFormatToStrftime(pattern: string): StrftimeTranslation {
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) return { ok: false, reason: 'unterminated quote' };
      out += end === i + 1 ? "'" : pattern.slice(i + 1, end).replace(/%/g, '%%');
      i = end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (j < pattern.length && pattern[j] === ch) j++;
      const run = pattern.slice(i, j);
      const mapped = LETTERS[run];
      if (!mapped) return { ok: false, reason: `pattern letters [${run}]` };
      out += mapped;
      i = j;
      continue;
    }
    out += ch === '%' ? '%%' : ch;
    i++;
  }
  return { ok: true, format: out };
}
