/**
 * Process names, command lines and hunt files are attacker-controlled. Before a value reaches a
 * terminal or a spreadsheet, characters that could drive it (C0/C1 controls, ANSI escapes, DEL,
 * bidi overrides, invisible separators) are spelled out visibly: `\x1b`, `\n`, `\u202e`.
 */

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Bidi embeddings/overrides/isolates/marks, zero-width characters, line/paragraph separators, BOM. */
const INVISIBLE = /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

function hex(code: number, width: 2 | 4): string {
  return code.toString(16).padStart(width, '0');
}

function escapeChar(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
}

// C0 controls, DEL, C1 controls, and the invisible set above.
const UNSAFE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f]|${INVISIBLE.source}`, 'g');
const UNSAFE_KEEP_NEWLINES = new RegExp(`[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f]|${INVISIBLE.source}`, 'g');

/** Every unsafe character escaped, newlines included (a table cell stays on one line). */
export function escapeVisible(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Same, but `\n` kept: for multi-line messages and query texts. */
export function escapeVisibleKeepNewlines(text: string): string {
  return text.replace(UNSAFE_KEEP_NEWLINES, escapeChar);
}

/** For JSON output: unsafe characters that JSON.stringify leaves raw become `\uXXXX` escapes (still valid JSON). */
export function escapeJsonText(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, (c) => `\\u${hex(c.charCodeAt(0), 4)}`);
}
