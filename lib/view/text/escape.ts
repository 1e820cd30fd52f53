/**
 * Process names, command lines and hunt files are attacker-controlled. Before a value reaches a
 * terminal, a spreadsheet or the page, characters that could drive it (C0/C1 controls, ANSI
 * escapes, DEL, bidi overrides, invisible separators) are spelled out visibly: `\x1b`, `\n`,
 * `\u202e`. Pure: shared by the CLI, the exports and the web UI.
 */

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Bidi embeddings/overrides/isolates/marks, zero-width characters, line/paragraph separators, BOM. */
const INVISIBLE = /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

function hex(code: number, width: 2 | 4): string {
  return code.toString(16).padStart(width, '0');
}

/** The visible spelling of one unsafe character: `\n`, `\x07`, `\u202e`. */
export function escapeChar(char: string): string {
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

/** A run of plain text, or one unsafe character with its visible spelling. */
export type TextSegment =
  | { kind: 'text'; text: string }
  | { kind: 'escape'; text: string; code: number; reason: string };

function reasonFor(code: number): string {
  if (code <= 0x1f || code === 0x7f) return 'control character';
  if (code <= 0x9f) return 'C1 control character';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x061c || code === 0x200e || code === 0x200f) {
    return 'bidirectional text control';
  }
  if (code === 0x2028 || code === 0x2029) return 'line or paragraph separator';
  return 'invisible character';
}

/**
 * The text cut into plain runs and escaped characters, so a UI can style the escapes apart
 * (an analyst must see that `\u202e` was in the data, not typed by us).
 */
export function segmentUnsafe(text: string, options: { keepNewlines?: boolean } = {}): TextSegment[] {
  const out: TextSegment[] = [];
  const unsafe = new RegExp((options.keepNewlines ? UNSAFE_KEEP_NEWLINES : UNSAFE).source, 'g');
  let last = 0;
  for (const match of text.matchAll(unsafe)) {
    const at = match.index;
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at) });
    const code = match[0].charCodeAt(0);
    out.push({ kind: 'escape', text: escapeChar(match[0]), code, reason: reasonFor(code) });
    last = at + match[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}
