/**
 * Which capturing groups of an RE2 regex may take no part in a match. DuckDB's regexp_extract
 * gives '' both for a group that matched empty text and for one that did not take part, while
 * Elasticsearch's grok adds no value for the latter (docs/esql-semantics.md §6.7). A group that
 * always takes part keeps '' as ''; an optional group whose body cannot match empty text reads ''
 * as "no value"; an optional group that can match empty text cannot be told apart, so the
 * caller refuses it.
 */
import 'server-only';

export type CaptureShape = 'always' | 'optional' | 'ambiguous';

interface Group {
  start: number;
  end: number;
  capture: boolean;
  parent: number;
  alternation: boolean;
  optionalQuantifier: boolean;
}

/** One shape per capturing group, in the order of their opening parentheses. */
export function captureShapes(regex: string): CaptureShape[] {
  const groups: Group[] = [];
  const stack: number[] = [];
  let topAlternation = false;
  let inClass = false;
  for (let i = 0; i < regex.length; i++) {
    const ch = regex[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      if (regex[i + 1] === '^') i++;
      if (regex[i + 1] === ']') i++;
    } else if (ch === '(') {
      groups.push({ start: i, end: -1, capture: regex[i + 1] !== '?', parent: stack.at(-1) ?? -1, alternation: false, optionalQuantifier: false });
      stack.push(groups.length - 1);
    } else if (ch === ')') {
      const g = groups[stack.pop() ?? -1];
      if (!g) continue;
      g.end = i;
      g.optionalQuantifier = /^(?:[?*]|\{0(?:,\d*)?\})/.test(regex.slice(i + 1));
    } else if (ch === '|') {
      const top = stack.at(-1);
      if (top === undefined) topAlternation = true;
      else groups[top].alternation = true;
    }
  }
  return groups
    .filter((g) => g.capture)
    .map((g) => {
      let optional = g.optionalQuantifier || topAlternation;
      for (let p = g.parent; p >= 0 && !optional; p = groups[p].parent) optional = groups[p].optionalQuantifier || groups[p].alternation;
      if (!optional) return 'always';
      return matchesEmpty(regex.slice(g.start + 1, g.end)) ? 'ambiguous' : 'optional';
    });
}

/**
 * Whether `body` may match empty text somewhere. Zero-width assertions are dropped first: that
 * only makes empty matches easier, so a body that still cannot match '' never can in context.
 */
function matchesEmpty(body: string): boolean {
  let stripped = '';
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') {
      const next = body[++i];
      if (inClass || !'bBAz'.includes(next)) stripped += ch + next;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') inClass = true;
    else if (ch === '^' || ch === '$') continue;
    stripped += ch;
  }
  try {
    return new RegExp(`^(?:${stripped})$`, 'u').test('');
  } catch {
    return true;
  }
}
