/**
 * Types every expression node (recording it in the context's `types`) and reports what
 * Elasticsearch's verifier would: unknown columns, ambiguous fields (docs/esql-semantics.md §5), operator type
 * errors (§7).
 */
import type { ColumnSchema } from './analyzed';
import type { BinaryExpression, CastExpression, Column, Expression, Literal } from '../ast';
import { ordinal, typeName, type AnalysisContext, type Scope } from './context';
import type { ExprEnv } from './env';
import { typeCall } from './calls';
import { findSimilar, suggestionSuffix } from './names';
import { arithmeticType, comparable, comparisonType, logicalType } from './operators';
import { bindParam } from './params';
import { lookupFunction } from '../functions/catalogue';
import { leftSpine } from '../syntax/spine';
import { isNumeric, isStringLike, type EsqlType } from '../types';

export function typeOf(e: Expression, env: ExprEnv): EsqlType {
  const { ctx } = env;
  const inner: ExprEnv = env.allowConflicts ? { ...env, allowConflicts: false } : env;
  switch (e.kind) {
    case 'literal':
      return ctx.typed(e, literalType(e));
    case 'list': {
      const types = e.items.map((item) => typeOf(item, inner));
      return ctx.typed(e, listType(types));
    }
    case 'timeSpan':
      return ctx.typed(e, ['hour', 'minute', 'second', 'millisecond'].includes(e.unit) ? 'time_duration' : 'date_period');
    case 'param': {
      const bound = bindParam(e, env.params, ctx);
      if (!bound) return ctx.fail(e);
      ctx.params.set(e, bound);
      return ctx.typed(e, bound.type);
    }
    case 'column':
      return columnType(e, env);
    case 'function':
      return typeCall(e, env, typeOf);
    case 'cast':
      return castType(e, env);
    case 'unary': {
      const t = typeOf(e.operand, inner);
      if (ctx.hasFailed(e.operand)) return ctx.fail(e);
      const ok = e.op === 'not' ? t === 'boolean' || t === 'null' : isNumeric(t) || t === 'null' || t === 'date_period' || t === 'time_duration';
      if (!ok) {
        const expected = e.op === 'not' ? 'boolean' : 'numeric, date_period or time_duration';
        ctx.error(e.span, `argument of [${ctx.source(e.span)}] must be [${expected}], found value [${ctx.source(e.operand.span)}] type [${typeName(t)}]`);
        return ctx.fail(e);
      }
      if (e.op === '-' && t === 'unsigned_long') {
        // A negative literal is folded by the parser (`-9223372036854775808` is a long); this is `-x` of an unsigned_long value.
        ctx.error(e.span, `negation unsupported for arguments of type [unsigned_long] in expression [${ctx.source(e.span)}]`);
        return ctx.fail(e);
      }
      return ctx.typed(e, e.op === 'not' ? 'boolean' : t);
    }
    case 'binary': {
      // Left operands are typed in a loop: `a == 1 or a == 2 or …` is one level per term.
      const { leaf, chain } = leftSpine(e);
      let l = typeOf(leaf, inner);
      for (const b of chain) l = typeBinary(b, l, typeOf(b.right, inner), ctx);
      return l;
    }
    case 'isNull':
      typeOf(e.operand, inner);
      return ctx.typed(e, 'boolean');
    case 'in': {
      const t = typeOf(e.operand, inner);
      const items = e.list.map((item) => typeOf(item, inner));
      if (!ctx.hasFailed(e.operand, ...e.list)) {
        e.list.forEach((item, i) => {
          if (items[i] !== 'null' && t !== 'null' && !comparable(t, e.operand, items[i], item)) {
            ctx.error(
              e.span,
              `${ordinal(i + 2)} argument of [${ctx.source(e.span)}] must be [${typeName(t)}], found value [${ctx.source(item.span)}] type [${typeName(items[i])}]`,
            );
            ctx.failed.add(e);
          }
        });
      }
      return ctx.typed(e, 'boolean');
    }
    case 'like': {
      const t = typeOf(e.operand, inner);
      e.patterns.forEach((pattern) => typeOf(pattern, inner));
      if (!ctx.hasFailed(e.operand) && !isStringLike(t) && t !== 'null') {
        ctx.error(e.span, `argument of [${ctx.source(e.span)}] must be [string], found value [${ctx.source(e.operand.span)}] type [${typeName(t)}]`);
        ctx.failed.add(e);
      }
      return ctx.typed(e, 'boolean');
    }
  }
}

function typeBinary(e: BinaryExpression, l: EsqlType, r: EsqlType, ctx: AnalysisContext): EsqlType {
  if (ctx.hasFailed(e.left, e.right)) {
    const guess: EsqlType = ['and', 'or', '==', '!=', '<', '<=', '>', '>='].includes(e.op) ? 'boolean' : 'unsupported';
    ctx.failed.add(e);
    return ctx.typed(e, guess);
  }
  if (e.op === 'and' || e.op === 'or') return ctx.typed(e, logicalType(e, l, r, ctx));
  if (['==', '!=', '<', '<=', '>', '>='].includes(e.op)) return ctx.typed(e, comparisonType(e, l, r, ctx));
  const t = arithmeticType(e, l, r, ctx);
  return ctx.hasFailed(e) ? t : ctx.typed(e, t);
}

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MAX = 2n ** 63n - 1n;
const ULONG_MAX = 2n ** 64n - 1n;

function literalType(e: Literal): EsqlType {
  const v = e.value;
  switch (v.type) {
    case 'null':
      return 'null';
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'keyword';
    case 'decimal':
      return 'double';
    case 'integer':
      if (v.value >= INT_MIN && v.value <= INT_MAX) return 'integer';
      if (v.value >= -LONG_MAX - 1n && v.value <= LONG_MAX) return 'long';
      return v.value > 0n && v.value <= ULONG_MAX ? 'unsigned_long' : 'double';
  }
}

/** A list literal has its elements' type; mixed numerics widen. */
function listType(types: EsqlType[]): EsqlType {
  const known = types.filter((t) => t !== 'null');
  if (known.length === 0) return 'null';
  if (known.every(isNumeric)) {
    // Elasticsearch's parser widens a numeric list to double, then unsigned_long, then long (visitNumericArrayLiteral).
    for (const t of ['double', 'unsigned_long', 'long'] as const) if (known.includes(t)) return t;
    return known[0];
  }
  return known[0];
}

/**
 * Each scope's columns indexed by name once: a scan per reference made a 10,000-term OR over an
 * index of a thousand fields ten million comparisons (issue 13). Column lists are not changed
 * once a command has produced them; the one built field by field carries its own `byName`.
 */
const COLUMN_INDEX = new WeakMap<readonly ColumnSchema[], Map<string, ColumnSchema>>();

function lookupColumn(scope: Scope, name: string): ColumnSchema | undefined {
  if (scope.byName) return scope.byName.get(name);
  let index = COLUMN_INDEX.get(scope.columns);
  if (!index) {
    index = new Map();
    for (const c of scope.columns) if (!index.has(c.name)) index.set(c.name, c);
    COLUMN_INDEX.set(scope.columns, index);
  }
  return index.get(name);
}

function columnType(e: Column, env: ExprEnv): EsqlType {
  const { ctx, scope } = env;
  const column = lookupColumn(scope, e.name);
  if (!column && ctx.nullifyUnmapped) {
    // A dropped or renamed-away column: whether Elasticsearch nullifies it is not documented.
    if (ctx.producedNames.has(e.name)) {
      ctx.error(e.span, `column [${e.name}] was dropped or renamed earlier; reading it under unmapped_fields="nullify" is not supported by the embedded engine`, 'unsupported');
      return ctx.fail(e);
    }
    // Elasticsearch's unmapped_fields="nullify": the unknown name is a null-typed column (docs/esql-semantics.md §6.9).
    ctx.nullified.add(e);
    return ctx.typed(e, 'null');
  }
  if (!column) {
    const candidates = scope.columns.map((c) => c.name).filter((n) => ctx.mentioned.has(n) || !ctx.sourceFields.has(n));
    ctx.error(e.span, `Unknown column [${e.name}]${suggestionSuffix(findSimilar(e.name, candidates))}`);
    return ctx.fail(e);
  }
  if (ctx.poisoned.has(column)) return ctx.fail(e);
  if (env.mode === 'aggregates' && !env.groupNames?.has(e.name)) {
    ctx.error(e.span, `column [${e.name}] must appear in the STATS BY clause or be used in an aggregate function`);
    return ctx.fail(e);
  }
  const conflicts = scope.conflicts.get(e.name);
  if (column.type === 'unsupported' && !env.allowConflicts) {
    ctx.error(e.span, conflicts ? ambiguityMessage(e.name, conflicts) : `Cannot use field [${e.name}] with unsupported type`);
    return ctx.fail(e);
  }
  return ctx.typed(e, column.type);
}

function ambiguityMessage(name: string, conflicts: { type: string; indices: string[] }[]): string {
  const parts = conflicts.map(({ type, indices }) => {
    const shown = indices.slice(0, 3).join(', ');
    const more = indices.length > 3 ? ` and [${indices.length - 3}] other indices` : '';
    return `[${type}] in [${shown}]${more}`;
  });
  return `Cannot use field [${name}] due to ambiguities being mapped as [${conflicts.length}] incompatible types: ${parts.join(', ')}`;
}

/** `::type` names and the conversion function each one stands for. */
const CAST_FUNCTIONS: Record<string, string> = {
  ip: 'to_ip',
  integer: 'to_integer',
  int: 'to_integer',
  long: 'to_long',
  double: 'to_double',
  keyword: 'to_string',
  string: 'to_string',
  text: 'to_string',
  datetime: 'to_datetime',
  date: 'to_datetime',
  boolean: 'to_boolean',
  bool: 'to_boolean',
  version: 'to_version',
  unsigned_long: 'to_unsigned_long',
};

function castType(e: CastExpression, env: ExprEnv): EsqlType {
  const { ctx } = env;
  const operandIsColumn = e.operand.kind === 'column';
  const t = typeOf(e.operand, { ...env, allowConflicts: operandIsColumn });
  const target = e.targetType.toLowerCase();
  if (target === 'date_period' || target === 'time_duration') {
    // Only constant strings become time spans (`?span::date_period`; the time-spans page, ../syntax/tokens.ts).
    if (!ctx.hasFailed(e.operand) && !(isStringLike(t) || t === target || t === 'null')) {
      ctx.error(e.span, `argument of [${ctx.source(e.span)}] must be [string], found value [${ctx.source(e.operand.span)}] type [${typeName(t)}]`);
      return ctx.fail(e);
    }
    return ctx.typed(e, target);
  }
  const def = lookupFunction(CAST_FUNCTIONS[target] ?? '');
  if (!def) {
    ctx.error(e.span, `Unknown data type named [${e.targetType}]`, 'parsing');
    return ctx.fail(e);
  }
  const result = def.returns([t]);
  if (ctx.hasFailed(e.operand)) return ctx.fail(e);
  const accepted = def.params[0].accepts.types.includes(t) || t === 'null' || (t === 'unsupported' && operandIsColumn);
  if (!accepted) {
    ctx.error(
      e.span,
      `argument of [${ctx.source(e.span)}] must be [${def.params[0].accepts.describe}], found value [${ctx.source(e.operand.span)}] type [${typeName(t)}]`,
    );
    return ctx.fail(e);
  }
  return ctx.typed(e, result);
}
