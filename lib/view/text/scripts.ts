/**
 * Which writing systems a name mixes, after UTS #39's "resolved script set": each character
 * counts for every script of its Script_Extensions property (from the JavaScript engine's own
 * Unicode data), Common and Inherited characters (digits, punctuation, combining marks) count
 * for all, and Han, Hiragana, Katakana and Hangul count for the writing systems that combine
 * them (Japanese, Korean). A token whose sets have an empty intersection mixes scripts.
 */

/** The scripts a name is told apart by; a letter of any other script counts as "Other". */
const SCRIPT_NAMES = [
  'Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Nko',
  'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam',
  'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar', 'Khmer', 'Mongolian', 'Ethiopic', 'Cherokee',
  'Canadian_Aboriginal', 'Coptic', 'Runic', 'Ogham', 'Tifinagh', 'Vai', 'Lisu', 'Yi',
  'Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo',
] as const;

const PATTERNS = SCRIPT_NAMES.map((name) => ({ name, pattern: new RegExp(`\\p{Script_Extensions=${name}}`, 'u') }));
const COMMON = /[\p{Script=Common}\p{Script=Inherited}]/u;

/** The writing systems these scripts also belong to (UTS #39 §5.1, "augmented" script sets). */
const AUGMENTED: Readonly<Record<string, readonly string[]>> = {
  Han: ['Japanese', 'Korean', 'Han with Bopomofo'],
  Hiragana: ['Japanese'],
  Katakana: ['Japanese'],
  Hangul: ['Korean'],
  Bopomofo: ['Han with Bopomofo'],
};

const OTHER = 'Other';

/** A character's scripts (display names, `_` as a space); empty for Common and Inherited. */
export function scriptsOf(char: string): string[] {
  const found = PATTERNS.filter((p) => p.pattern.test(char)).map((p) => p.name.replace('_', ' '));
  if (found.length > 0) return found;
  return COMMON.test(char) ? [] : [OTHER];
}

function augmented(scripts: readonly string[]): Set<string> {
  return new Set(scripts.flatMap((s) => [s, ...(AUGMENTED[s] ?? [])]));
}

/** Letters, marks and digits: the pieces of a name between separators (`/usr/bin/сurl` → usr, bin, сurl). */
export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

export interface MixedToken {
  token: string;
  /** Every script seen in the token, the most used first. */
  scripts: string[];
  /** The characters not of the most used script: what to look at. */
  odd: string[];
}

/** The token's scripts when they do not resolve to one writing system, else undefined. */
export function mixedScripts(token: string): MixedToken | undefined {
  let resolved: Set<string> | undefined;
  const counts = new Map<string, number>();
  const perChar: { char: string; scripts: string[] }[] = [];
  for (const char of token) {
    const scripts = scriptsOf(char);
    if (scripts.length === 0) continue;
    perChar.push({ char, scripts });
    for (const s of scripts) counts.set(s, (counts.get(s) ?? 0) + 1);
    const set = augmented(scripts);
    resolved = resolved === undefined ? set : new Set([...resolved].filter((s) => set.has(s)));
  }
  if (resolved === undefined || resolved.size > 0) return undefined;
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
  const main = ranked[0];
  return { token, scripts: ranked, odd: perChar.filter((c) => !c.scripts.includes(main)).map((c) => c.char) };
}
