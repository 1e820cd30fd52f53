/**
 * Runs a DISSECT plan (lib/engine/dissect.ts) over one string as Elasticsearch's DissectParser.parse
 * walks it. The result is a struct of the captures (`k0`, `k1`, …), as regexp_extract would give,
 * or NULL when the value does not dissect (docs/esql-semantics.md §6.7).
 * The exact walk (a list_reduce over a walk state, one key or one run of keys given "" by
 * repeated delimiters per step) is ten times slower than a regex, so an anchored regex answers
 * every row where it provably agrees with the walk: each value ends at the first occurrence of its
 * delimiter and no delimiter repeats right after itself. A row the regex does not match needs the
 * walk only when it holds a doubled delimiter, the one way the walk matches where the regex does not.
 */
import 'server-only';
import type { DissectPlan } from '../dissect';
import { quoteString } from '../sql';

function escapeRe2(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** SQL of the dissect of the VARCHAR `v`; lambda parameters are prefixed so they never shadow columns. */
export function dissectMatch(v: string, plan: DissectPlan): string {
  const n = plan.steps.length;
  const lastStep = plan.steps[n - 1];
  // Every key, every delimiter run and the ignored tail are groups g0, g1, …, so the regex splits the whole text.
  let regex = '(?s)^' + escapeRe2(plan.leading);
  const pieces: { key?: number; literal?: string; group: number }[] = [];
  let groups = 0;
  plan.steps.forEach((step, j) => {
    regex += j === n - 1 && step.delimiter === '' ? '(.*)' : '(.*?)';
    pieces.push({ key: j, group: groups++ });
    if (step.delimiter === '') return;
    if (step.pad) {
      regex += `((?:${escapeRe2(step.delimiter)})+)`;
      pieces.push({ group: groups++ });
    } else {
      regex += escapeRe2(step.delimiter);
      pieces.push({ literal: step.delimiter, group: -1 });
    }
  });
  if (lastStep.delimiter !== '') {
    regex += '(.*)';
    pieces.push({ group: groups++ });
  }
  regex += '$';
  const text = (piece: { literal?: string; group: number }) => (piece.literal !== undefined ? quoteString(piece.literal) : `__m['g${piece.group}']`);
  const agrees: string[] = [];
  const doubled: string[] = [];
  plan.steps.forEach((step, j) => {
    if (step.delimiter === '') return;
    const d = quoteString(step.delimiter);
    const value = `__m['g${pieces.find((p) => p.key === j)?.group}']`;
    agrees.push(`strpos(${value} || ${d}, ${d}) = length(${value}) + 1`);
    if (j === n - 1) return;
    const at = pieces.findIndex((p) => p.key === j) + 2;
    agrees.push(`NOT starts_with(concat(${pieces.slice(at).map(text).join(', ')}), ${d})`);
    if (!step.pad) doubled.push(`strpos(${v}, ${quoteString(step.delimiter + step.delimiter)}) > 0`);
  });
  const re = quoteString(regex);
  const names = `[${Array.from({ length: groups }, (_, g) => quoteString(`g${g}`)).join(', ')}]`;
  const fields = plan.steps.flatMap((step, j) => (step.group === undefined ? [] : [`'k${step.group}': __m['g${pieces.find((p) => p.key === j)?.group}']`]));
  const fast = `CASE WHEN regexp_full_match(${v}, ${re}) THEN regexp_extract(${v}, ${re}, ${names}) END`;
  const choose = [
    `WHEN __m IS NOT NULL${agrees.length ? ` AND ${agrees.join(' AND ')}` : ''} THEN {${fields.join(', ')}}`,
    `WHEN __m IS NULL${doubled.length ? ` AND NOT (${doubled.join(' OR ')})` : ''} THEN NULL`,
  ];
  const body = `list_transform([${fast}], lambda __m: CASE ${choose.join(' ')} ELSE ${walk(v, plan)} END)[1]`;
  // DissectParser reads nothing unless the input starts with the leading delimiter and is longer.
  return `CASE WHEN length(${v}) > ${plan.leading.length} AND starts_with(${v}, ${quoteString(plan.leading)}) THEN ${body} END`;
}

/** The exact walk, as a list_reduce: at most one step per key. Exported for its tests. */
export function walk(v: string, plan: DissectPlan): string {
  const n = plan.steps.length;
  const state = (i: string, j: string, vals: string, done: string, ok: string) =>
    `{'i': (${i})::BIGINT, 'j': (${j})::INTEGER, 'vals': ${vals}, 'done': ${done}, 'ok': ${ok}}`;
  const init = state(String(plan.leading.length + 1), '0', '[]::VARCHAR[]', 'false', 'false');
  const branches = plan.steps.map((step, j) => `WHEN ${j} THEN ${stepSql(v, plan, j, state)}`).join(' ');
  const reduced = `list_reduce([${Array.from({ length: n + 1 }, () => init).join(', ')}], lambda __a, __b: CASE WHEN __a.done THEN __a ELSE CASE __a.j ${branches} END END)`;
  const fields = plan.steps.flatMap((step, j) => (step.group === undefined ? [] : [`'k${step.group}': __r.vals[${j + 1}]`]));
  return `list_transform([${reduced}], lambda __r: CASE WHEN __r.ok THEN {${fields.join(', ')}} END)[1]`;
}

type State = (i: string, j: string, vals: string, done: string, ok: string) => string;

/** One step from key j: its value ends at the first occurrence of its delimiter at or after `i`. */
function stepSql(v: string, plan: DissectPlan, j: number, state: State): string {
  const n = plan.steps.length;
  const step = plan.steps[j];
  const last = j === n - 1;
  if (step.delimiter === '') {
    // Only the last key has no delimiter (dissect.ts): it takes the rest.
    return state('__a.i', String(n), `list_append(__a.vals, substr(${v}, __a.i))`, 'true', 'true');
  }
  const d = step.delimiter.length;
  const at = `strpos(substr(${v}, __a.i), ${quoteString(step.delimiter)})`;
  const after = `__a.i + ${at} - 1 + ${d}`;
  const value = `substr(${v}, __a.i, ${at} - 1)`;
  // How many times the delimiter repeats right after it.
  const repeats = `(length(regexp_extract(substr(${v}, ${after}), ${quoteString(`^((?:${escapeRe2(step.delimiter)})*)`)}, 1)) // ${d})`;
  let next: string;
  if (step.pad || last) {
    // `->` skips the repeats; after the last key nothing more is read.
    next = state(`${after} + ${repeats} * ${d}`, String(j + 1), `list_append(__a.vals, ${value})`, String(last), String(last));
  } else {
    // Each repeat gives "" to the next key, while there is one; once a `->` key has its "", it
    // swallows the other repeats (DissectParser checks the padding of the key it has reached).
    const padAt = plan.steps.findIndex((s, k) => k > j && s.pad);
    const limit = padAt < 0 ? n - 1 - j : Math.min(n - 1 - j, padAt - j);
    const empties = `least(${repeats}, ${limit})`;
    const j2 = `${j + 1} + ${empties}`;
    const vals = `list_concat(list_append(__a.vals, ${value}), list_transform(range(${empties}), lambda __e: ''))`;
    next = state(`${after} + ${repeats} * ${d}`, j2, vals, `(${j2}) >= ${n}`, `(${j2}) >= ${n}`);
  }
  return `CASE WHEN ${at} = 0 THEN ${state('__a.i', '__a.j', '__a.vals', 'true', 'false')} ELSE ${next} END`;
}
