/**
 * Scalar functions → DuckDB SQL. Single-value functions read the scalar side of their arguments
 * (null + warning for a multi-value, §2.5); MV_* functions read all values. Functions the engine
 * cannot reproduce exactly are positioned `unsupported` errors.
 */
import type { Expression, FunctionCall } from '../esql/ast';
import { asList, CompileContext, CompileFailure, type Val } from './compile-context';
import { compileAggregate } from './compile-aggregates';
import { compileCidrMatch } from './compile-cidr';
import { compileConversion, CONVERSIONS } from './compile-conversions';
import { constSql, foldConst } from './compile-const';
import { coercedScalar, compileExpr, listOf, scalarOf } from './compile-expr';
import { dateFormatToStrftime } from './date-format';
import { quoteString } from './sql';
import { bucketSql, dateDiffSql, dateExtractSql, dateParseSql, truncateDate } from './compile-functions-dates';
import { compileMoreFunction } from './compile-functions-more';

const AGGREGATES = new Set(['count', 'count_distinct', 'min', 'max', 'sum', 'avg', 'values', 'median', 'percentile', 'top']);

export function isAggregateName(name: string): boolean {
  return AGGREGATES.has(name);
}

export function canonicalName(ctx: CompileContext, call: FunctionCall): string {
  return ctx.analyzed.functions.get(call) ?? call.name;
}

export function compileFunction(ctx: CompileContext, call: FunctionCall): Val {
  const name = canonicalName(ctx, call);
  const s = (i: number): string => scalarOf(ctx, call.args[i], call.span);
  const scalar = (sql: string): Val => ({ kind: 'scalar', sql });
  /** A constant string and how to emit a text derived from it: request parameters stay parameters. */
  const constText = (e: Expression): { value: string; emit(text: string): string } => {
    const c = foldConst(ctx, e);
    if (!c || c.kind !== 'value' || typeof c.value !== 'string') {
      throw new CompileFailure(e.span, `[${ctx.sourceText(e.span)}] must be a constant string in the embedded engine`);
    }
    const fromParam = c.fromParam;
    return { value: c.value, emit: (text) => (fromParam ? ctx.addParam(text) : quoteString(text)) };
  };

  if (CONVERSIONS.has(name)) return compileConversion(ctx, call, name);
  if (isAggregateName(name) && ctx.aggregateMode) {
    ctx.aggregateMode = false;
    try {
      return scalar(compileAggregate(ctx, call, name, ctx.aggregateFilter));
    } finally {
      ctx.aggregateMode = true;
    }
  }
  if (isAggregateName(name)) {
    throw new CompileFailure(call.span, `aggregate function [${ctx.sourceText(call.span)}] is only allowed in STATS`, 'verification');
  }
  switch (name) {
    case 'now': {
      const folded = foldConst(ctx, call);
      if (folded?.kind === 'value') return scalar(constSql(ctx, folded));
      break;
    }
    case 'cidr_match':
      return scalar(compileCidrMatch(ctx, call));
    case 'case': {
      // Conditions are single-valued (a multi-value reads as null, i.e. false, plus a warning);
      // the chosen value is returned whole, multi-values included.
      const n = call.args.length;
      const valueIdx = call.args.map((_, i) => i).filter((i) => (i % 2 === 1 && i < n) || (n % 2 === 1 && i === n - 1));
      const vals = new Map(valueIdx.map((i) => [i, compileExpr(ctx, call.args[i])]));
      const multi = [...vals.values()].some((v) => v.kind !== 'scalar');
      const value = (i: number) => (multi ? asList(vals.get(i)!) : (vals.get(i) as { sql: string }).sql);
      const parts: string[] = [];
      for (let i = 0; i + 1 < n; i += 2) parts.push(`WHEN ${s(i)} THEN ${value(i + 1)}`);
      const otherwise = n % 2 === 1 ? ` ELSE ${value(n - 1)}` : '';
      const sql = `(CASE ${parts.join(' ')}${otherwise} END)`;
      return multi ? { kind: 'list', sql } : scalar(sql);
    }
    case 'coalesce': {
      // COALESCE returns the first non-null value whole, a multi-value included.
      const vals = call.args.map((a) => compileExpr(ctx, a));
      if (vals.every((v) => v.kind === 'scalar')) return scalar(`coalesce(${vals.map((v) => (v as { sql: string }).sql).join(', ')})`);
      return { kind: 'list', sql: `coalesce(${vals.map(asList).join(', ')})` };
    }
    case 'concat':
      return scalar(`(${call.args.map((_, i) => s(i)).join(' || ')})`);
    case 'to_lower':
      return scalar(`lower(${s(0)})`);
    case 'to_upper':
      return scalar(`upper(${s(0)})`);
    case 'length':
      return scalar(`length(${s(0)})::INTEGER`);
    case 'substring': {
      const str = s(0);
      const start = s(1);
      const from = `(CASE WHEN ${start} > 0 THEN ${start} WHEN ${start} < 0 THEN greatest(length(${str}) + ${start} + 1, 1) ELSE 1 END)`;
      return scalar(call.args.length > 2 ? `substring(${str}, ${from}, ${s(2)})` : `substring(${str}, ${from})`);
    }
    case 'replace': {
      const regex = constText(call.args[1]);
      // Java regex features RE2 lacks would fail at run time or match differently: refuse them.
      if (/\(\?[=!<]|\\[1-9]|\\[pPQEGZz]|[*+?}][+]/.test(regex.value)) {
        throw new CompileFailure(call.args[1].span, `REPLACE regex [${regex.value}] uses Java regex features the embedded engine does not support`);
      }
      const replacement = constText(call.args[2]);
      const source = s(0);
      return scalar(`regexp_replace(${source}, ${regex.emit(regex.value)}, ${replacement.emit(javaToRe2Replacement(replacement.value))}, 'g')`);
    }
    case 'starts_with':
      return scalar(`starts_with(${s(0)}, ${s(1)})`);
    case 'ends_with':
      return scalar(`ends_with(${s(0)}, ${s(1)})`);
    case 'trim':
      return scalar(`trim(${s(0)})`);
    case 'ltrim':
      return scalar(`ltrim(${s(0)})`);
    case 'rtrim':
      return scalar(`rtrim(${s(0)})`);
    case 'left':
      return scalar(`left(${s(0)}, ${s(1)})`);
    case 'right':
      return scalar(`right(${s(0)}, ${s(1)})`);
    case 'md5':
    case 'sha1':
    case 'sha256':
      return scalar(`${name}(${s(0)})`);
    case 'abs':
    case 'floor':
    case 'ceil':
      return scalar(`${name}(${s(0)})`);
    case 'sqrt':
    case 'log10': {
      const x = s(0);
      const bad = name === 'sqrt' ? `${x} < 0` : `${x} <= 0`;
      ctx.addProbe(call.span, `(${bad})`, name === 'sqrt' ? 'java.lang.ArithmeticException: Square root of negative' : 'java.lang.ArithmeticException: Log of non-positive number');
      return scalar(`(CASE WHEN NOT (${bad}) THEN ${name}(CAST(${x} AS DOUBLE)) END)`);
    }
    case 'pow': {
      const p = `pow(CAST(${s(0)} AS DOUBLE), CAST(${s(1)} AS DOUBLE))`;
      ctx.addProbe(call.span, `(NOT isfinite(${p}))`, 'java.lang.ArithmeticException: not a finite double number');
      return scalar(`(CASE WHEN isfinite(${p}) THEN ${p} END)`);
    }
    case 'round':
      return scalar(call.args.length > 1 ? `round(${s(0)}, ${s(1)})` : `round(${s(0)})`);
    case 'date_trunc':
      return scalar(dateTruncSql(ctx, call));
    case 'date_format': {
      const hasFormat = call.args.length > 1;
      const text = hasFormat ? constText(call.args[0]) : { value: "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", emit: quoteString };
      const fmt = dateFormatToStrftime(text.value);
      if (!fmt.ok) throw new CompileFailure(call.args[0].span, `unsupported date format: ${fmt.reason}`);
      return scalar(`strftime(epoch_ms(${s(hasFormat ? 1 : 0)}), ${text.emit(fmt.format)})`);
    }
    case 'from_base64':
      return scalar(`decode(from_base64(${s(0)}))`);
    case 'to_base64':
      return scalar(`to_base64(encode(${s(0)}))`);
    case 'split':
      return { kind: 'list', sql: `string_split(${s(0)}, ${s(1)})` };
    case 'mv_count': {
      const v = compileExpr(ctx, call.args[0]);
      return scalar(`len(${asList(v)})::INTEGER`);
    }
    case 'mv_concat':
      return scalar(`array_to_string(${listOf(ctx, call.args[0])}, ${s(1)})`);
    case 'mv_first':
      return scalar(`(${listOf(ctx, call.args[0])})[1]`);
    case 'mv_last':
      return scalar(`(${listOf(ctx, call.args[0])})[-1]`);
    case 'mv_min':
      return scalar(`list_min(${listOf(ctx, call.args[0])})`);
    case 'mv_max':
      return scalar(`list_max(${listOf(ctx, call.args[0])})`);
    case 'mv_sum':
      return scalar(`list_sum(${listOf(ctx, call.args[0])})`);
    case 'mv_avg':
      return scalar(`CAST(list_avg(${listOf(ctx, call.args[0])}) AS DOUBLE)`);
    case 'mv_sort': {
      const order = call.args[1] ? constText(call.args[1]).value.toUpperCase() : 'ASC';
      if (order !== 'ASC' && order !== 'DESC') throw new CompileFailure(call.args[1].span, `Invalid order value in [${ctx.sourceText(call.span)}], expected one of [ASC, DESC] but got [${order}]`, 'verification');
      return { kind: 'list', sql: `list_sort(${listOf(ctx, call.args[0])}, '${order}')` };
    }
    case 'locate':
      if (call.args.length > 2) throw new CompileFailure(call.args[2].span, 'LOCATE with a start position is not supported by the embedded engine');
      return scalar(`strpos(${s(0)}, ${s(1)})::INTEGER`);
    case 'mv_dedupe':
      return { kind: 'list', sql: `list_distinct(${listOf(ctx, call.args[0])})` };
    case 'mv_slice': {
      const list = listOf(ctx, call.args[0]);
      const start = s(1);
      const end = call.args.length > 2 ? s(2) : start;
      // 0-based inclusive indices, negative from the end; DuckDB slices are 1-based inclusive.
      const idx = (i: string) => `(CASE WHEN ${i} < 0 THEN len(${list}) + ${i} ELSE ${i} END)`;
      return { kind: 'list', sql: `list_slice(${list}, ${idx(start)} + 1, ${idx(end)} + 1)` };
    }
    case 'date_diff':
      return scalar(dateDiffSql(ctx, call));
    case 'date_extract':
      return scalar(dateExtractSql(ctx, call));
    case 'date_parse':
      // Without a pattern DATE_PARSE reads strict_date_optional_time, exactly as TO_DATETIME does.
      if (call.args.length < 2) return compileConversion(ctx, call, 'to_datetime');
      return scalar(dateParseSql(ctx, call));
    case 'bucket':
      return scalar(bucketSql(ctx, call));
  }
  const more = compileMoreFunction(ctx, call, name);
  if (more) return more;
  throw new CompileFailure(call.span, `function [${name}] is not supported by the embedded engine`);
}

function dateTruncSql(ctx: CompileContext, call: FunctionCall): string {
  const span = foldConst(ctx, call.args[0]);
  if (!span || span.kind !== 'span') throw new CompileFailure(call.args[0].span, 'DATE_TRUNC needs a constant time span');
  return truncateDate(coercedScalar(ctx, call.args[1], 'date', call.span), span.quantity, span.unit, call.args[0].span);
}

/**
 * Java's Matcher.replaceAll replacement (backslash-x is a literal x, `$n` a group) in RE2's
 * syntax (a doubled backslash is a literal backslash, backslash-n a group).
 */
export function javaToRe2Replacement(java: string): string {
  let out = '';
  for (let i = 0; i < java.length; i++) {
    const ch = java[i];
    if (ch === '\\' && i + 1 < java.length) {
      const next = java[++i];
      out += next === '\\' ? '\\\\' : next;
    } else if (ch === '$' && /\d/.test(java[i + 1] ?? '')) {
      out += '\\' + java[++i];
    } else {
      out += ch === '\\' ? '\\\\' : ch;
    }
  }
  return out;
}
