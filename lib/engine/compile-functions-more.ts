/**
 * GREATEST, LEAST, MV_MEDIAN, MV_CONTAINS and IP_PREFIX. GREATEST/LEAST reduce each argument
 * with MV_MAX/MV_MIN first (as Elasticsearch's evaluators do) and are null when any argument is.
 * IPs are the store's 32-hex form of the 16-byte address (lib/store/layout.ts).
 */
import type { FunctionCall } from '../esql/ast';
import { asList, CompileContext, CompileFailure, type Val } from './compile-context';
import { foldConst } from './compile-const';
import { compileExpr, listOf, scalarOf } from './compile-expr';

const V4_MAPPED = '00000000000000000000ffff';

export function compileMoreFunction(ctx: CompileContext, call: FunctionCall, name: string): Val | undefined {
  const scalar = (sql: string): Val => ({ kind: 'scalar', sql });
  switch (name) {
    case 'greatest':
    case 'least': {
      const reduce = name === 'greatest' ? 'list_max' : 'list_min';
      const values = call.args.map((a) => {
        const v = compileExpr(ctx, a);
        return v.kind === 'scalar' ? v.sql : `${reduce}(${asList(v)})`;
      });
      const anyNull = values.map((v) => `(${v}) IS NULL`).join(' OR ');
      return scalar(values.length === 1 ? values[0] : `(CASE WHEN ${anyNull} THEN NULL ELSE ${name}(${values.join(', ')}) END)`);
    }
    case 'mv_median': {
      const list = listOf(ctx, call.args[0]);
      const type = ctx.typeOf(call.args[0]);
      const median = `list_aggregate(${list}, 'median')`;
      if (type === 'double') return scalar(`CAST(${median} AS DOUBLE)`);
      // Integral medians of an even count are the mean of the two middle values, rounded down.
      return scalar(`CAST(floor(${median}) AS ${type === 'integer' ? 'INTEGER' : type === 'unsigned_long' ? 'UBIGINT' : 'BIGINT'})`);
    }
    case 'mv_contains': {
      const family = (t: string) => (t === 'text' ? 'keyword' : t);
      const [a, b] = call.args.map((e) => family(ctx.typeOf(e)));
      if (a !== b && a !== 'null' && b !== 'null') {
        throw new CompileFailure(call.args[1].span, `second argument of [${ctx.sourceText(call.span)}] must be [${a}], found value [${ctx.sourceText(call.args[1].span)}] type [${b}]`, 'verification');
      }
      // Null is the empty set: everything contains it, it contains nothing else.
      const superset = asList(compileExpr(ctx, call.args[0]));
      const subset = asList(compileExpr(ctx, call.args[1]));
      return scalar(`(CASE WHEN ${subset} IS NULL THEN true WHEN ${superset} IS NULL THEN false ELSE list_has_all(${superset}, ${subset}) END)`);
    }
    case 'ip_prefix':
      return scalar(ipPrefixSql(ctx, call));
  }
  return undefined;
}

function constInt(ctx: CompileContext, call: FunctionCall, i: number, max: number): number {
  const c = foldConst(ctx, call.args[i]);
  const value = c?.kind === 'value' ? c.value : undefined;
  const n = typeof value === 'bigint' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new CompileFailure(call.args[i].span, `the prefix length of [${ctx.sourceText(call.span)}] must be a constant integer in the embedded engine`);
  }
  if (n < 0 || n > max) {
    throw new CompileFailure(call.args[i].span, `Prefix length ${i === 1 ? 'v4' : 'v6'} must be in range [0, ${max}], found ${n}`, 'verification');
  }
  return n;
}

/** The hex address with all but the first `bits` bits zeroed: whole nibbles kept, one masked, the rest 0. */
function maskHex(hex: string, bits: number): string {
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

function ipPrefixSql(ctx: CompileContext, call: FunctionCall): string {
  const v4 = constInt(ctx, call, 1, 32);
  const v6 = constInt(ctx, call, 2, 128);
  const ip = scalarOf(ctx, call.args[0], call.span);
  const hex = `lower(${ip})`;
  return `(CASE WHEN ${ip} IS NULL THEN NULL WHEN starts_with(${hex}, '${V4_MAPPED}') THEN ${maskHex(hex, 96 + v4)} ELSE ${maskHex(hex, v6)} END)`;
}
