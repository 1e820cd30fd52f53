/**
 * CIDR_MATCH (§2.7): constant blocks become hex-string ranges over the store's 32-hex ip column,
 * so the hot path is a few string comparisons. Up to 9.5 a multi-valued ip gives null plus the
 * single-value warning; the `any-value` option follows 9.6 (true if any value is in any block,
 * never null).
 */
import type { FunctionCall } from '../esql/ast';
import { asScalar, CompileContext, CompileFailure } from './compile-context';
import { foldConst } from './compile-const';
import { compileExpr, scalarOf } from './compile-expr';
import { CIDR_CONTAINS } from './udfs';
import { parseCidr } from '../store/ip';
import { quoteString } from './sql';

interface HexRange {
  lo: string;
  hi: string;
}

function mergeRanges(ranges: HexRange[]): HexRange[] {
  const sorted = [...ranges].sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const out: HexRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.lo <= last.hi) {
      if (r.hi > last.hi) last.hi = r.hi;
    } else {
      out.push({ ...r });
    }
  }
  return out;
}

function staticTest(value: string, ranges: HexRange[]): string {
  const tests = ranges.map((r) =>
    r.lo === r.hi ? `${value} = ${quoteString(r.lo)}` : `${value} BETWEEN ${quoteString(r.lo)} AND ${quoteString(r.hi)}`,
  );
  return tests.length === 1 ? `(${tests[0]})` : `(${tests.join(' OR ')})`;
}

export function compileCidrMatch(ctx: CompileContext, call: FunctionCall): string {
  const [ipArg, ...blocks] = call.args;
  if (!ipArg || blocks.length === 0) throw new CompileFailure(call.span, 'CIDR_MATCH needs an ip and at least one block', 'verification');
  const ranges: HexRange[] = [];
  /** Blocks known only per row (a column, `concat(...)`), tested by a registered function. */
  const dynamic: string[] = [];
  for (const block of blocks) {
    const c = foldConst(ctx, block);
    if (!c || c.kind !== 'value' || (typeof c.value !== 'string' && c.value !== null)) {
      dynamic.push(scalarOf(ctx, block, call.span));
      continue;
    }
    if (c.value === null) continue;
    const r = parseCidr(c.value);
    if ('error' in r) throw new CompileFailure(block.span, r.error, 'verification');
    ranges.push({ lo: r.lo, hi: r.hi });
  }
  if (ranges.length === 0 && dynamic.length === 0) return 'NULL::BOOLEAN';
  const merged = mergeRanges(ranges);
  const rangeTest = (value: string, rs: HexRange[]): string => {
    const tests = [...(rs.length ? [staticTest(value, rs)] : []), ...dynamic.map((b) => `${CIDR_CONTAINS}(${value}, ${b})`)];
    return tests.length === 1 ? tests[0] : `(${tests.join(' OR ')})`;
  };
  const val = compileExpr(ctx, ipArg);
  if (ctx.options.cidrMatchMultiValue === 'any-value') {
    const elementTest = `list_bool_or(list_transform(__l, __v -> ${rangeTest('__v', merged)}))`;
    if (val.kind === 'mvcol') {
      return `(CASE WHEN ${val.mv} IS NOT NULL THEN ${elementTest.replace(/__l/g, val.mv)} ELSE coalesce(${rangeTest(val.scalar, merged)}, FALSE) END)`;
    }
    if (val.kind === 'list') return `coalesce(${elementTest.replace(/__l/g, val.sql)}, FALSE)`;
    return `coalesce(${rangeTest(val.sql, merged)}, FALSE)`;
  }
  return rangeTest(asScalar(ctx, val, call.span), merged);
}
