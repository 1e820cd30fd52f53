/**
 * ES|QL expressions → DuckDB SQL over the current relation. Three-valued logic (docs/esql-semantics.md §4) is
 * SQL's own; single-value semantics for multi-values (§4) come from reading the scalar side of a column
 * (NULL for a multi-value) plus a warning probe.
 */
import 'server-only';
import { type BinaryExpression, type Expression, type LikeExpression, type Span, operatorSpine, type EsqlType } from '../../esql';
import { asList, asScalar, CompileContext, CompileFailure, type Val } from './context';
import { constSql, convertConst, foldConst, type Const } from './constants';
import { isCastString } from './string-casts';
import { likeToSql, rlikeToRegex } from '../patterns';
import { doubleLiteral, intLiteral, quoteString, sqlTypeOf } from '../sql';
import { dateMathSides, dateMathSql, foldedDateMath, requireAmount } from './temporal';
import { mergedWarningSpans, reattributeProbes } from './disjunctions';
import { versionKey } from './version-order';
import { unsignedLongItem } from './unsigned-long';
import { narrowWide } from './whole-ranges';
import { negate } from './negation';

export function compileExpr(ctx: CompileContext, e: Expression): Val {
  switch (e.kind) {
    case 'literal': {
      const v = e.value;
      const t = sqlTypeOf(ctx.typeOf(e));
      switch (v.type) {
        case 'null':
          return { kind: 'scalar', sql: 'NULL' };
        case 'boolean':
          return { kind: 'scalar', sql: v.value ? 'TRUE' : 'FALSE' };
        case 'integer':
          // Past the long range the analyzer types a whole number as Elasticsearch does: unsigned_long, then double.
          if (t === 'DOUBLE') return { kind: 'scalar', sql: doubleLiteral(Number(v.value)) };
          return { kind: 'scalar', sql: `${intLiteral(v.value)}::${t === 'INTEGER' || t === 'UBIGINT' ? t : 'BIGINT'}` };
        case 'decimal':
          return { kind: 'scalar', sql: doubleLiteral(v.value) };
        case 'string':
          if (isCastString(v.value, ctx.typeOf(e))) return { kind: 'scalar', sql: constSql(ctx, foldConst(ctx, e) as Extract<Const, { kind: 'value' }>) };
          return { kind: 'scalar', sql: quoteString(v.value) };
      }
      break;
    }
    case 'list': {
      const listType = ctx.typeOf(e);
      const items = e.items
        .filter((i) => i.value.type !== 'null')
        // Elasticsearch's parser gives every element the list's type; DuckDB would unify BIGINT and UBIGINT as HUGEINT.
        .map((i) => (listType === 'unsigned_long' && ctx.typeOf(i) !== listType ? unsignedLongItem(i, ctx.sourceText(i.span)) : asScalar(ctx, compileExpr(ctx, i), i.span)));
      if (items.length === 0) return { kind: 'scalar', sql: 'NULL' };
      if (items.length === 1) return { kind: 'scalar', sql: items[0] };
      return { kind: 'list', sql: `[${items.join(', ')}]` };
    }
    case 'timeSpan':
      throw new CompileFailure(e.span, `time span [${ctx.sourceText(e.span)}] is only supported in date arithmetic`);
    case 'param': {
      const bound = ctx.analyzed.params.get(e);
      if (!bound) throw new CompileFailure(e.span, `Unknown query parameter [${ctx.sourceText(e.span)}]`, 'verification');
      if (Array.isArray(bound.value)) {
        const items = bound.value.filter((v) => v !== null).map((v) => constSql(ctx, { kind: 'value', type: bound.type, value: v, fromParam: true }));
        if (items.length === 0) return { kind: 'scalar', sql: 'NULL' };
        if (items.length === 1) return { kind: 'scalar', sql: items[0] };
        return { kind: 'list', sql: `[${items.join(', ')}]` };
      }
      if (isCastString(bound.value, ctx.typeOf(e))) return { kind: 'scalar', sql: constSql(ctx, foldConst(ctx, e) as Extract<Const, { kind: 'value' }>) };
      return { kind: 'scalar', sql: constSql(ctx, { kind: 'value', type: bound.type, value: bound.value, fromParam: true }) };
    }
    case 'column': {
      // Outside aggregate calls a STATS expression reads a BY key's grouped value (docs/esql-semantics.md §6.5).
      const b = (ctx.aggregateMode ? ctx.groupKeys?.get(e.name) : undefined) ?? ctx.columns.get(e.name);
      // SET unmapped_fields="nullify": the analyzer typed an unknown name as a null column (docs/esql-semantics.md §6.9).
      if (!b && ctx.analyzed.nullified?.has(e)) return { kind: 'scalar', sql: 'NULL' };
      if (!b) throw new CompileFailure(e.span, `Unknown column [${e.name}]`, 'verification');
      return b.mv ? { kind: 'mvcol', scalar: b.scalar, mv: b.mv } : { kind: 'scalar', sql: b.scalar };
    }
    case 'function':
      return ctx.compileFunction(e);
    case 'unary': {
      const folded = foldConst(ctx, e);
      if (folded?.kind === 'value') return { kind: 'scalar', sql: constSql(ctx, folded) };
      const operand = scalarOf(ctx, e.operand, e.span);
      if (e.op === 'not') return { kind: 'scalar', sql: `(NOT ${operand})` };
      return { kind: 'scalar', sql: e.op === '-' ? negate(ctx, e.span, ctx.typeOf(e), operand) : operand };
    }
    case 'binary':
      return { kind: 'scalar', sql: compileBinary(ctx, e) };
    case 'isNull': {
      const v = compileExpr(ctx, e.operand);
      const isNull =
        v.kind === 'mvcol' ? `(${v.scalar} IS NULL AND ${v.mv} IS NULL)` : v.kind === 'list' ? `((${v.sql}) IS NULL)` : `(${v.sql} IS NULL)`;
      return { kind: 'scalar', sql: e.negated ? `(NOT ${isNull})` : isNull };
    }
    case 'in': {
      const operandType = ctx.typeOf(e.operand);
      const operand = scalarOf(ctx, e.operand, e.span);
      const items = e.list.map((item) => coercedScalar(ctx, item, operandType, e.span));
      return { kind: 'scalar', sql: `(${operand} ${e.negated ? 'NOT IN' : 'IN'} (${items.join(', ')}))` };
    }
    case 'like':
      return { kind: 'scalar', sql: compileLike(ctx, e) };
    case 'cast':
      return ctx.compileFunction({ kind: 'function', span: e.span, name: castFunction(e.targetType, e.span), args: [e.operand] });
  }
  const unknown = e as Expression;
  throw new CompileFailure(unknown.span, `cannot compile [${ctx.sourceText(unknown.span)}]`);
}

function castFunction(target: string, span: Span): string {
  switch (target) {
    case 'int':
    case 'integer':
      return 'to_integer';
    case 'long':
      return 'to_long';
    case 'double':
      return 'to_double';
    case 'keyword':
    case 'string':
    case 'text':
      return 'to_string';
    case 'ip':
      return 'to_ip';
    case 'datetime':
    case 'date':
      return 'to_datetime';
    case 'boolean':
    case 'bool':
      return 'to_boolean';
    case 'unsigned_long':
      return 'to_unsigned_long';
    case 'version':
      return 'to_version';
    default:
      throw new CompileFailure(span, `unsupported cast to [${target}]`);
  }
}

/** The single-value SQL of `e`; a multi-value is null with a warning attributed to `consumer`. */
export function scalarOf(ctx: CompileContext, e: Expression, consumer: Span): string {
  const folded = foldConst(ctx, e);
  if (folded?.kind === 'value') return constSql(ctx, folded);
  return asScalar(ctx, compileExpr(ctx, e), consumer);
}

export function listOf(ctx: CompileContext, e: Expression): string {
  return asList(compileExpr(ctx, e));
}

/** Operand of a comparison with a `target`-typed side: string constants auto-cast to date/ip (docs/esql-semantics.md §7). */
export function coercedScalar(ctx: CompileContext, e: Expression, target: EsqlType, consumer: Span): string {
  const own = ctx.typeOf(e);
  if ((target === 'date' || target === 'ip') && own !== target && own !== 'null') {
    const c = convertConst(ctx, e, target);
    if (c?.kind === 'value') return constSql(ctx, c);
    throw new CompileFailure(e.span, `cannot compare [${ctx.sourceText(e.span)}] of type [${own}] with [${target}]`);
  }
  return scalarOf(ctx, e, consumer);
}

const SQL_COMPARISON: Record<string, string> = { '==': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

function compileBinary(ctx: CompileContext, e: BinaryExpression): string {
  if (e.op === 'and' || e.op === 'or') return compileLogical(ctx, e);
  const folded = foldConst(ctx, e);
  if (folded?.kind === 'value') return constSql(ctx, folded);
  const lt = ctx.typeOf(e.left);
  const rt = ctx.typeOf(e.right);
  if (e.op in SQL_COMPARISON) {
    const l = coercedScalar(ctx, e.left, rt, e.span);
    const r = coercedScalar(ctx, e.right, lt, e.span);
    // Versions order semantically (1.10 > 1.9), not as strings (docs/esql-semantics.md §7).
    if ((lt === 'version' || rt === 'version') && e.op !== '==' && e.op !== '!=') {
      return `(${versionKey(l)} ${SQL_COMPARISON[e.op]} ${versionKey(r)})`;
    }
    return `(${l} ${SQL_COMPARISON[e.op]} ${r})`;
  }
  // date ± temporal amount (docs/esql-semantics.md §9): periods are calendar arithmetic, durations exact ms.
  const dateMath = dateMathSides(ctx, e);
  if (dateMath) {
    const amount = requireAmount(ctx, dateMath.amount);
    const constDate = convertConst(ctx, dateMath.date, 'date');
    if (constDate?.kind === 'value' && (typeof constDate.value === 'number' || typeof constDate.value === 'bigint')) {
      return foldedDateMath(ctx, e, constDate.value, amount);
    }
    return dateMathSql(ctx, e, coercedScalar(ctx, dateMath.date, 'date', e.span), amount);
  }
  const l = scalarOf(ctx, e.left, e.span);
  const r = scalarOf(ctx, e.right, e.span);
  const resultType = ctx.typeOf(e);
  if (resultType === 'double') return e.op === '/' ? `(${l}::DOUBLE / ${r})` : `(${l} ${e.op} ${r})`;
  if (e.op === '/' || e.op === '%') {
    // Integer division truncates like Java; by zero DuckDB gives NULL, Elasticsearch null + warning (docs/esql-semantics.md §7).
    const byZero = `(${l} IS NOT NULL AND ${r} = 0)`;
    // Over aggregates the test belongs to the aggregated row, not the input rows.
    if (ctx.aggregateMode) ctx.aggregateChecks.push({ span: e.span, condition: byZero, reason: 'java.lang.ArithmeticException: / by zero' });
    else ctx.addProbe(e.span, byZero, 'java.lang.ArithmeticException: / by zero');
    return e.op === '/' ? `(${l} // ${r})` : `(${l} % ${r})`;
  }
  if (resultType === 'integer' || resultType === 'long' || resultType === 'unsigned_long') {
    if (ctx.aggregateMode) {
      // Over aggregates (`count(*) - 1`) TRY is not allowed: compute wide and range-check instead,
      // the warning checked on the aggregated row (the input rows' probe cannot see aggregates).
      const result = narrowWide(`(${l}::HUGEINT ${e.op} ${r}::HUGEINT)`, resultType);
      ctx.aggregateChecks.push({ span: e.span, condition: result.outside, reason: `java.lang.ArithmeticException: ${resultType} overflow` });
      return result.sql;
    }
    // Overflow is null plus a warning, not a failed query (docs/esql-semantics.md §7).
    const sql = `TRY(${l} ${e.op} ${r})`;
    ctx.addProbe(e.span, `(${l} IS NOT NULL AND ${r} IS NOT NULL AND ${sql} IS NULL)`, `java.lang.ArithmeticException: ${resultType} overflow`);
    return sql;
  }
  return `(${l} ${e.op} ${r})`;
}

/**
 * `a OR b OR …` in a loop down the left spine (a hunt may list thousands of values), as one flat
 * SQL chain: DuckDB's parser runs out of stack on ten thousand nested parentheses, not on a flat
 * list. Each operand keeps its own operator as the consumer for warnings.
 */
/**
 * AND/OR fold left, one pair at a time as Elasticsearch evaluates them: a multi-valued operand makes
 * that pair null (with a warning), so `false AND [true, false]` is null, not SQL's false.
 */
function compileLogical(ctx: CompileContext, e: BinaryExpression): string {
  const { leaf, chain } = operatorSpine(e);
  const op = e.op.toUpperCase();
  const merged = e.op === 'or' ? mergedWarningSpans(ctx, [leaf, ...chain.map((b) => b.right)]) : new Map<Expression, Span>();
  const operand = (x: Expression, consumer: Span) => {
    const folded = foldConst(ctx, x);
    if (folded?.kind === 'value') return { sql: constSql(ctx, folded), multi: undefined };
    const probesBefore = ctx.probes.length;
    const val = compileExpr(ctx, x);
    const mergedSpan = merged.get(x);
    if (mergedSpan) reattributeProbes(ctx, probesBefore, x, mergedSpan);
    return { sql: asScalar(ctx, val, consumer), multi: multiValued(val) };
  };
  let acc = operand(leaf, chain[0].span);
  for (const b of chain) {
    const right = operand(b.right, b.span);
    const plain = `(${acc.sql} ${op} ${right.sql})`;
    const multi = [acc.multi, right.multi].filter((m): m is string => m !== undefined);
    acc = { sql: multi.length ? `(CASE WHEN ${multi.join(' OR ')} THEN NULL ELSE ${plain} END)` : plain, multi: undefined };
  }
  return acc.sql;
}

/** SQL that is true where a value holds more than one value; undefined when it never can. */
function multiValued(val: Val): string | undefined {
  if (val.kind === 'mvcol') return `(${val.mv} IS NOT NULL)`;
  if (val.kind === 'list') return `(len(${val.sql}) > 1)`;
  return undefined;
}

function compileLike(ctx: CompileContext, e: LikeExpression): string {
  const operand = scalarOf(ctx, e.operand, e.span);
  const tests = e.patterns.map((p) => {
    const c = foldConst(ctx, p);
    if (!c || c.kind !== 'value' || typeof c.value !== 'string') {
      throw new CompileFailure(p.span, `${e.operator.toUpperCase()} pattern must be a constant string`);
    }
    // A pattern from a request parameter stays a parameter after translation.
    const emit = (text: string): string => (c.fromParam ? ctx.addParam(text) : quoteString(text));
    if (e.operator === 'like') return `(${operand} LIKE ${emit(likeToSql(c.value))} ESCAPE '\\')`;
    const regex = rlikeToRegex(c.value);
    if (!regex.ok) throw new CompileFailure(p.span, `unsupported RLIKE pattern [${c.value}]: ${regex.reason}`);
    return `regexp_full_match(${operand}, ${emit(regex.regex)})`;
  });
  const any = tests.length === 1 ? tests[0] : `(${tests.join(' OR ')})`;
  return e.negated ? `(NOT ${any})` : any;
}
