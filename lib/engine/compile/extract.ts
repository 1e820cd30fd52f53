/**
 * DISSECT and GROK (docs/esql-semantics.md §6.7). A GROK pattern becomes one RE2 regex whose
 * captures regexp_extract reads into a struct; a DISSECT pattern becomes a walk giving the same
 * kind of struct (dissect-sql.ts). Elasticsearch applies the pattern to every value of a
 * multi-valued input and collects, per name, the values of every capture that took part, in input
 * order then capture order: that list is the column's multi-value. A `null` input extracts nothing.
 */
import 'server-only';
import type { AnalyzedStep, DissectCommand, GrokCommand } from '../../esql';
import { CompileFailure, type Binding, type Val } from './context';
import { compileExpr } from './expressions';
import { parseDissect, type DissectColumn } from '../dissect';
import { dissectMatch } from './dissect-sql';
import { grokToRegex, type GrokCapture, type GrokType } from '../grok';
import type { Pipeline } from './pipeline';
import { quoteString } from '../sql';
import { rebind } from './rebind';

/** How one output column reads a match struct `s` (SQL of a struct, NULL when the value did not match). */
interface Extraction {
  name: string;
  /** The values this column takes from one match, in order; NULLs are "no value". */
  values: (s: string) => string[];
  /** One match gives at most one value, so a single-valued input needs no list. */
  single: boolean;
}

export function compileDissect(p: Pipeline, command: DissectCommand, step: AnalyzedStep): void {
  const parsed = parseDissect(command.pattern, command.appendSeparator);
  if (!parsed.ok) throw new CompileFailure(command.span, `DISSECT pattern [${command.pattern}]: ${parsed.reason}`);
  const sep = quoteString(parsed.separator);
  const join = (c: DissectColumn, s: string) => c.groups.map((g) => `${s}['k${g}']`).join(` || ${sep} || `);
  const extractions = parsed.columns.map((c): Extraction => ({ name: c.name, values: (s) => [join(c, s)], single: true }));
  compileExtract(p, command, step, parsed.groupCount, (v) => dissectMatch(v, parsed), extractions);
}

export function compileGrok(p: Pipeline, command: GrokCommand, step: AnalyzedStep): void {
  const patterns = [command.pattern, ...(command.alternatives ?? [])];
  const parsed = grokToRegex(patterns);
  if (!parsed.ok) {
    const shown = patterns.length === 1 ? patterns[0] : patterns.join(', ');
    const message = parsed.unknownPattern !== undefined ? `Invalid pattern [${shown}] for grok: [${parsed.reason}]` : `GROK pattern [${shown}]: ${parsed.reason}`;
    throw new CompileFailure(command.span, message, parsed.unknownPattern !== undefined ? 'verification' : 'unsupported');
  }
  const several = parsed.alternatives.length > 1;
  const byName = new Map<string, { capture: GrokCapture; index: number }[]>();
  parsed.captures.forEach((capture, index) => byName.set(capture.name, [...(byName.get(capture.name) ?? []), { capture, index }]));
  const extractions = [...byName].map(
    ([name, captures]): Extraction => ({
      name,
      values: (s) => captures.map(({ capture, index }) => grokValue(captureText(s, `${s}['k${index}']`, capture, several), capture.type)),
      single: captures.length === 1,
    }),
  );
  const re = quoteString(parsed.regex);
  const keys = positionalKeys(parsed.captures.length);
  // Unanchored, as Elasticsearch's grok searches the input.
  const extract = (v: string) => (several ? `struct_insert(regexp_extract(${v}, ${re}, ${keys}), w := ${winner(v, parsed.alternatives)})` : `regexp_extract(${v}, ${re}, ${keys})`);
  const match = (v: string) => `CASE WHEN regexp_matches(${v}, ${re}) THEN ${extract(v)} END`;
  compileExtract(p, command, step, parsed.captures.length, match, extractions);
}

/**
 * Which of `(?:p1)|(?:p2)|…` matched (1-based): the one matching leftmost, the first on a tie, as
 * RE2 and Elasticsearch's regex library both prefer. A lazy prefix measures where each matches.
 */
function winner(v: string, alternatives: string[]): string {
  const positions = alternatives.map((alt) => {
    const re = quoteString(alt);
    return `CASE WHEN regexp_matches(${v}, ${re}) THEN length(regexp_extract(${v}, ${quoteString(`^((?s:.*?))(?:${alt})`)}, 1)) END`;
  });
  return `list_transform([[${positions.join(', ')}]], lambda __p: list_position(__p, list_min(__p)))[1]`;
}

/**
 * A capture's text, NULL when it took no part: captures of another alternative took none, and ''
 * from one that may take no part means it took none (lib/engine/regex-groups.ts).
 */
function captureText(s: string, raw: string, capture: GrokCapture, several: boolean): string {
  const text = capture.shape === 'always' ? raw : `nullif(${raw}, '')`;
  return several ? `(CASE WHEN ${s}['w'] = ${capture.pattern + 1} THEN ${text} END)` : text;
}

function positionalKeys(count: number): string {
  return `[${Array.from({ length: count }, (_, i) => quoteString(`k${i}`)).join(', ')}]`;
}

/** Elasticsearch's grok converters: Integer/Long.parseLong (no decimals), Float/Double.parseDouble, Boolean.parseBoolean. */
function grokValue(text: string, type: GrokType | undefined): string {
  switch (type) {
    case undefined:
      return text;
    case 'int':
    case 'long': {
      const sql = type === 'int' ? 'INTEGER' : 'BIGINT';
      return `(CASE WHEN regexp_full_match(${text}, '[+-]?[0-9]+') THEN TRY_CAST(${text} AS ${sql}) END)`;
    }
    case 'float':
    case 'double':
      return `TRY_CAST(nullif(${text}, '') AS DOUBLE)`;
    case 'boolean':
      return `(CASE WHEN ${text} IS NOT NULL THEN lower(${text}) = 'true' END)`;
  }
}

const IDENTIFIER = /^(?:[A-Za-z_]\w*|"(?:[^"]|"")*")$/;

function compileExtract(
  p: Pipeline,
  command: DissectCommand | GrokCommand,
  step: AnalyzedStep,
  groupCount: number,
  match: (value: string) => string,
  extractions: Extraction[],
): void {
  const ctx = p.ctx;
  const columns = new Map<string, Binding>(ctx.columns);
  if (groupCount === 0 || extractions.length === 0) return rebind(p, step, columns);
  const val: Val = ctx.typeOf(command.input) === 'null' ? { kind: 'scalar', sql: 'CAST(NULL AS VARCHAR)' } : compileExpr(ctx, command.input);
  const one = ctx.fresh('x');
  const many = ctx.fresh('x');
  // A single value matches once (`one`); a multi-value matches each of its values (`many`, NULL otherwise).
  let scalarInput = val.kind === 'scalar' ? val.sql : val.kind === 'mvcol' ? val.scalar : `(CASE WHEN len(${val.sql}) = 1 THEN (${val.sql})[1] END)`;
  let listInput = val.kind === 'scalar' ? undefined : val.kind === 'mvcol' ? val.mv : `(CASE WHEN len(${val.sql}) > 1 THEN ${val.sql} END)`;
  // The match reads its input many times (a DISSECT walk dozens): an expression is computed once, in a column.
  if (!IDENTIFIER.test(scalarInput) || (listInput !== undefined && !IDENTIFIER.test(listInput))) {
    const s = ctx.fresh('x');
    const l = ctx.fresh('x');
    p.add(`SELECT *, ${scalarInput} AS ${s}${listInput === undefined ? '' : `, ${listInput} AS ${l}`} FROM ${p.current}`);
    scalarInput = s;
    if (listInput !== undefined) listInput = l;
  }
  const structs = listInput === undefined ? '' : `, CASE WHEN ${listInput} IS NOT NULL THEN list_transform(${listInput}, lambda __v: ${match('__v')}) END AS ${many}`;
  p.add(`SELECT *, ${match(scalarInput)} AS ${one}${structs} FROM ${p.current}`);
  const selects: string[] = [];
  const lists: { list: string; scalar: string; mv: string }[] = [];
  for (const e of extractions) {
    const type = step.output.find((o) => o.name === e.name)?.type ?? 'keyword';
    const scalar = ctx.fresh();
    if (listInput === undefined && e.single) {
      selects.push(`${e.values(one)[0]} AS ${scalar}`);
      columns.set(e.name, { type, scalar });
      continue;
    }
    const fromOne = `list_filter([${e.values(one).join(', ')}], lambda __x: __x IS NOT NULL)`;
    const fromMany = `list_filter(flatten(list_transform(${many}, lambda __s: [${e.values('__s').join(', ')}])), lambda __x: __x IS NOT NULL)`;
    const list = ctx.fresh('l');
    selects.push(`${listInput === undefined ? fromOne : `(CASE WHEN ${many} IS NULL THEN ${fromOne} ELSE ${fromMany} END)`} AS ${list}`);
    const mv = ctx.fresh('m');
    lists.push({ list, scalar, mv });
    columns.set(e.name, { type, scalar, mv });
  }
  p.add(`SELECT *, ${selects.join(', ')} FROM ${p.current}`);
  // Split each list into the store's layout (context.ts Val): a lone value is scalar, several are a multi-value.
  const split = lists.map(({ list, scalar, mv }) => `(CASE WHEN len(${list}) = 1 THEN ${list}[1] END) AS ${scalar}, (CASE WHEN len(${list}) > 1 THEN ${list} END) AS ${mv}`);
  if (split.length > 0) p.add(`SELECT *, ${split.join(', ')} FROM ${p.current}`);
  rebind(p, step, columns);
}
