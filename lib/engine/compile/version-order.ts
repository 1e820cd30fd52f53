/**
 * Version ordering (docs/esql-semantics.md §8.1): a semantic version (numeric parts, an optional
 * `-prerelease`, an optional `+build`) orders part by part numerically, fewer parts first and a
 * prerelease before its release; prerelease identifiers order numeric (numerically) before
 * alphanumeric (lexically); any other string sorts after every valid version, by its text.
 * `versionKey` spells that order as a byte-comparable string, so MIN and MAX are string MIN / MAX.
 */
import 'server-only';
import { perRow } from './aggregate-values';
import type { Val } from './context';

const VALID = String.raw`^[0-9]+(\.[0-9]+)*(-[0-9A-Za-z.\-]+)?(\+[0-9A-Za-z.\-]+)?$`;
/** Wide enough for any long; shorter runs are zero-padded so digits compare as numbers. */
const WIDTH = 20;

export function versionKey(x: string): string {
  const parts = `array_to_string(list_transform(string_split(regexp_extract(${x}, '^[0-9.]+'), '.'), lambda __p: lpad(__p, ${WIDTH}, '0')), '.')`;
  const pre = `regexp_extract(${x}, '^[0-9.]+-([^+]*)', 1)`;
  const preKey = `array_to_string(list_transform(string_split(${pre}, '.'), lambda __i: CASE WHEN regexp_full_match(__i, '[0-9]+') THEN '0' || lpad(__i, ${WIDTH}, '0') ELSE '1' || __i END), '.')`;
  // ',' < '-' < '.': a prerelease before its release, the release before a longer version.
  const tail = `CASE WHEN ${pre} <> '' THEN ',' || ${preKey} ELSE '-' END`;
  return `(CASE WHEN regexp_full_match(${x}, '${VALID}') THEN '0' || ${parts} || ${tail} ELSE '1' || ${x} END)`;
}

/** The key with the value after a separator: the extreme of these carries its value along. */
function keyed(x: string): string {
  return `(${versionKey(x)} || chr(1) || ${x})`;
}

/** MIN / MAX of version values, every value of a multi-value included. */
export function versionExtreme(v: Val, name: 'min' | 'max', filterSql: string): string {
  const listFn = name === 'min' ? 'list_min' : 'list_max';
  const keyedVal: Val =
    v.kind === 'scalar'
      ? { kind: 'scalar', sql: keyed(v.sql) }
      : v.kind === 'mvcol'
        ? { kind: 'mvcol', scalar: keyed(v.scalar), mv: `list_transform(${v.mv}, lambda __v: ${keyed('__v')})` }
        : { kind: 'list', sql: `list_transform(${v.sql}, lambda __v: ${keyed('__v')})` };
  const extreme = `${name}(${perRow(keyedVal, listFn)})${filterSql}`;
  return `substr(${extreme}, strpos(${extreme}, chr(1)) + 1)`;
}
