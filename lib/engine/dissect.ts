/**
 * DISSECT patterns → one anchored RE2 regex with named captures. Keys match lazily up to the next
 * delimiter, the last key takes the rest; a non-matching input gives null for every key. The `->`
 * right-padding modifier repeats its delimiter; `?name` and empty keys are skipped. Append (`+`) and
 * reference (`&`) keys are refused (docs/esql-semantics.md §6.7).
 */
import 'server-only';


export type DissectTranslation = { ok: true; regex: string; keys: string[] } | { ok: false; reason: string };

function escapeRe2(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function dissectToRegex(pattern: string, appendSeparator?: string): DissectTranslation {
  if (appendSeparator !== undefined) return { ok: false, reason: 'APPEND_SEPARATOR is not supported by the embedded engine' };
  const parts: { kind: 'key'; name: string; skip: boolean; pad: boolean }[] = [];
  const delims: string[] = [];
  let rest = pattern;
  let leading = '';
  const first = rest.indexOf('%{');
  if (first < 0) return { ok: false, reason: 'no keys' };
  leading = rest.slice(0, first);
  rest = rest.slice(first);
  while (rest.length) {
    if (!rest.startsWith('%{')) return { ok: false, reason: 'malformed pattern' };
    const close = rest.indexOf('}');
    if (close < 0) return { ok: false, reason: 'unterminated key' };
    let key = rest.slice(2, close);
    rest = rest.slice(close + 1);
    let pad = false;
    if (key.endsWith('->')) {
      pad = true;
      key = key.slice(0, -2);
    }
    if (key.startsWith('+') || key.startsWith('&') || key.startsWith('*')) return { ok: false, reason: `key modifier [${key[0]}]` };
    const skip = key === '' || key.startsWith('?');
    parts.push({ kind: 'key', name: skip ? '' : key, skip, pad });
    const next = rest.indexOf('%{');
    const delim = next < 0 ? rest : rest.slice(0, next);
    delims.push(delim);
    rest = next < 0 ? '' : rest.slice(next);
  }
  const keys: string[] = [];
  let regex = '(?s)^' + escapeRe2(leading);
  parts.forEach((part, i) => {
    const last = i === parts.length - 1 && delims[i] === '';
    const body = last ? '.*' : '.*?';
    if (part.skip) regex += `(?:${body})`;
    else {
      keys.push(part.name);
      regex += `(${body})`;
    }
    if (delims[i]) regex += part.pad ? `(?:${escapeRe2(delims[i])})+` : escapeRe2(delims[i]);
  });
  regex += '$';
  return { ok: true, regex, keys };
}
