/**
 * IP functions (docs/esql-semantics.md §10). CIDR_MATCH: constant blocks become hex-string
 * ranges over the store's 32-hex ip column, so the hot path is a few string comparisons. Up to 9.5 a multi-valued ip gives
 * null plus the single-value warning; the `any-value` option follows 9.6 (true if any value is in
 * any block, never null). IP_PREFIX masks the same hex form (lib/store/layout.ts).
 */
import 'server-only';
import type { FunctionCall } from '../../esql';
import { scalar } from './arguments';
import { asScalar, CompileContext, CompileFailure, type Val } from './context';
import { foldConst } from './constants';
import { compileExpr, scalarOf } from './expressions';
import { CIDR_CONTAINS } from '../udfs';
import { parseCidr } from '../../model/ip';
import { quoteString } from '../sql';

const V4_MAPPED = '00000000000000000000ffff';

export function compileIpFunction(ctx: CompileContext, call: FunctionCall, name: string): Val | undefined {
  switch (name) {
    case 'cidr_match':
      return scalar(compileCidrMatch(ctx, call));
    case 'ip_prefix':
      return scalar(ipPrefixSql(ctx, call));
  }
  return undefined;
}

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

function compileCidrMatch(ctx: CompileContext, call: FunctionCall): string {
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

/** The hex address with all but the first `bits` bits zeroed: whole nibbles kept, one masked, the rest 0. */
function maskHex(hex: string, bits: number | string): string {
  if (typeof bits === 'string') return maskHexSql(hex, bits);
  if (bits < 0 || bits > 128) return 'NULL';
  const whole = Math.floor(bits / 4);
  const rest = bits % 4;
  const kept = whole > 0 ? `substr(${hex}, 1, ${whole})` : `''`;
  let partial = '';
  if (rest > 0) {
    const nibble = `(strpos('0123456789abcdef', substr(${hex}, ${whole + 1}, 1)) - 1)`;
    const mask = (0xf << (4 - rest)) & 0xf;
    partial = ` || substr('0123456789abcdef', (${nibble} & ${mask}) + 1, 1)`;
  }
  const zeros = 32 - whole - (rest > 0 ? 1 : 0);
  return `(${kept}${partial} || '${'0'.repeat(zeros)}')`;
}

/** maskHex for a length known per row (in range: the caller answers null outside it). */
function maskHexSql(hex: string, bits: string): string {
  const n = `greatest(0, least(128, ${bits}))`;
  const whole = `(${n} // 4)`;
  const rest = `(${n} % 4)`;
  const nibble = `(strpos('0123456789abcdef', substr(${hex}, ${whole} + 1, 1)) - 1)`;
  const partial = `(CASE WHEN ${rest} > 0 THEN substr('0123456789abcdef', (${nibble} & ((15 << (4 - ${rest})) & 15)) + 1, 1) ELSE '' END)`;
  const zeros = `repeat('0', 32 - ${whole} - (CASE WHEN ${rest} > 0 THEN 1 ELSE 0 END))`;
  return `(substr(${hex}, 1, ${whole}) || ${partial} || ${zeros})`;
}

/**
 * IP_PREFIX: lengths may be computed per row; a null argument gives null, a length out of range null plus
 * Elasticsearch's warning — both lengths are checked whatever the address family (docs/esql-semantics.md §10).
 */
function ipPrefixSql(ctx: CompileContext, call: FunctionCall): string {
  const ip = scalarOf(ctx, call.args[0], call.span);
  const v4 = lengthSql(ctx, call, 1);
  const v6 = lengthSql(ctx, call, 2);
  const outOfRange = (n: number | string, max: number) => `(${n} NOT BETWEEN 0 AND ${max})`;
  if (!ctx.aggregateMode) {
    const message = (n: number | string, name: string, max: number) =>
      `'java.lang.IllegalArgumentException: Prefix length ${name} must be in range [0, ${max}], found ' || (${n})`;
    ctx.addProbe(
      call.span,
      `(${ip} IS NOT NULL AND ${v4} IS NOT NULL AND ${v6} IS NOT NULL AND (${outOfRange(v4, 32)} OR ${outOfRange(v6, 128)}))`,
      undefined,
      `(CASE WHEN ${outOfRange(v4, 32)} THEN ${message(v4, 'v4', 32)} ELSE ${message(v6, 'v6', 128)} END)`,
    );
  }
  const hex = `lower(${ip})`;
  const masked = `(CASE WHEN starts_with(${hex}, '${V4_MAPPED}') THEN ${maskHex(hex, typeof v4 === 'number' ? 96 + v4 : `(96 + ${v4})`)} ELSE ${maskHex(hex, v6)} END)`;
  return `(CASE WHEN ${ip} IS NULL OR ${v4} IS NULL OR ${v6} IS NULL OR ${outOfRange(v4, 32)} OR ${outOfRange(v6, 128)} THEN NULL ELSE ${masked} END)`;
}

/** A prefix length: its value when constant (the mask is then plain substrings), else its SQL. */
function lengthSql(ctx: CompileContext, call: FunctionCall, i: number): number | string {
  const c = foldConst(ctx, call.args[i]);
  const value = c?.kind === 'value' ? c.value : undefined;
  const n = typeof value === 'bigint' ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n)) return n;
  return scalarOf(ctx, call.args[i], call.span);
}
