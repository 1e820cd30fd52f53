/**
 * DISSECT patterns → the plan of Elasticsearch's DissectParser: a leading delimiter, then keys each
 * followed by its delimiter, split as DissectParser splits them (a key followed at once by `%{`
 * takes the rest of the pattern as its delimiter, so that case is refused rather than read two
 * ways). compile/dissect-sql.ts runs the plan as DissectParser.parse walks the input: each value
 * ends at the first occurrence of its delimiter (no backtracking), repeats of a delimiter are
 * skipped by `->` or else give "" to the keys after it, text after the last delimiter is ignored,
 * and the last key takes the rest when it has no delimiter. Append keys (`+name`, `+name/N`)
 * join their values with the append separator, ordered as DissectMatch does: `/N` by N, the
 * others in pattern order before them; a plain key sharing an append key's name appends too.
 * Reference keys (`*`, `&`) are refused (docs/esql-semantics.md §6.7).
 */
import 'server-only';

/** A column and the captures whose values it joins, in join order. */
export interface DissectColumn {
  name: string;
  groups: number[];
}

/** One key of the walk: `group` is its capture (k0, k1, …), absent for a skipped key. */
export interface DissectStep {
  delimiter: string;
  pad: boolean;
  group?: number;
}

export interface DissectPlan {
  leading: string;
  steps: DissectStep[];
  groupCount: number;
  columns: DissectColumn[];
  separator: string;
}

export type DissectTranslation = ({ ok: true } & DissectPlan) | { ok: false; reason: string };

type Key =
  | { kind: 'skip'; pad: boolean }
  | { kind: 'plain'; name: string; pad: boolean }
  | { kind: 'append'; name: string; order?: number; pad: boolean };

/** DissectKey's parse: at most one modifier, except `+` followed by `/N`. */
function parseKey(raw: string): Key | { error: string } {
  const pad = raw.endsWith('->');
  const body = pad ? raw.slice(0, -2) : raw;
  if (body === '') return { kind: 'skip', pad };
  const modifiers = body.match(/[/+*&?]/g) ?? [];
  if (modifiers.length > 1 && !(modifiers.length === 2 && modifiers[0] === '+' && modifiers[1] === '/')) {
    return { error: `key [${raw}]: multiple modifiers are not allowed` };
  }
  const first = body[0];
  if (first === '*' || first === '&') return { error: `key modifier [${first}]` };
  if (first === '?') return { kind: 'skip', pad };
  if (first === '+') {
    const ordered = /^\+(.*?)\/([0-9]+)$/s.exec(body);
    const name = ordered ? ordered[1] : body.slice(1);
    if (name === '' || (!ordered && modifiers.length > 1)) return { error: `key [${raw}]: the key name could not be determined` };
    return ordered ? { kind: 'append', name, order: Number(ordered[2]), pad } : { kind: 'append', name, pad };
  }
  if (modifiers.length > 0) return { error: `key [${raw}]: the key name could not be determined` };
  return { kind: 'plain', name: body, pad };
}

export function parseDissect(pattern: string, appendSeparator = ''): DissectTranslation {
  const first = pattern.indexOf('%{');
  const leading = first < 0 ? '' : pattern.slice(0, first);
  const keys: Key[] = [];
  const delimiters: string[] = [];
  // DissectParser's KEY_DELIMITER_FIELD_PATTERN, over the pattern after the leading delimiter.
  for (const m of pattern.slice(leading.length).matchAll(/%\{([^}]*?)\}(.+?(?=%\{)|.*$)/gs)) {
    const key = parseKey(m[1]);
    if ('error' in key) return { ok: false, reason: key.error };
    if (m[2].startsWith('%{')) return { ok: false, reason: `key [%{${m[1]}}] is followed at once by another key` };
    keys.push(key);
    delimiters.push(m[2]);
  }
  if (keys.length === 0 || keys.every((k) => k.kind === 'skip')) return { ok: false, reason: 'Unable to find any keys or delimiters' };
  let groupCount = 0;
  const captured: { key: Key; group: number }[] = [];
  const steps = keys.map((key, i): DissectStep => {
    if (key.kind === 'skip') return { delimiter: delimiters[i], pad: key.pad };
    captured.push({ key, group: groupCount });
    return { delimiter: delimiters[i], pad: key.pad, group: groupCount++ };
  });
  return { ok: true, leading, steps, groupCount, columns: joinOrder(captured), separator: appendSeparator };
}

/** Each name's captures in join order; a plain name seen twice keeps its last value, as DissectMatch's map does. */
function joinOrder(captured: { key: Key; group: number }[]): DissectColumn[] {
  const appendNames = new Set(captured.flatMap(({ key }) => (key.kind === 'append' ? [key.name] : [])));
  const byName = new Map<string, { group: number; order: number }[]>();
  let implicit = -1000;
  for (const { key, group } of captured) {
    if (key.kind === 'skip') continue;
    const list = byName.get(key.name) ?? [];
    byName.set(key.name, list);
    if (!appendNames.has(key.name)) list.splice(0, list.length, { group, order: 0 });
    else list.push({ group, order: key.kind === 'append' && key.order !== undefined ? key.order : implicit++ });
  }
  // Array.prototype.sort is stable, as Collections.sort is.
  return [...byName].map(([name, list]) => ({ name, groups: [...list].sort((a, b) => a.order - b.order).map((g) => g.group) }));
}
