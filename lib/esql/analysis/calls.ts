/**
 * Function calls: resolution against the catalogue (aliases, unknown names), where aggregate and
 * grouping functions may appear, arity, argument types, and the result type.
 */
import type { Expression, FunctionCall } from '../ast';
import { ordinal, typeName } from './context';
import type { ExprEnv, ExprMode } from './env';
import { findSimilar, suggestionSuffix } from './names';
import { autoCastsTo, isAutoCastString, isFoldable } from './operators';
import { arityOf, functionNames, lookupFunction, paramsFor, type FunctionDef } from '../functions/catalogue';
import { T } from '../functions/signatures';
import { isNumeric, isStringLike, type EsqlType } from '../types';
import { MIXED_NUMERIC_FUNCTIONS, mixedNumericTarget } from './numeric-widening';
import { isStringLiteral, numericStringTarget } from './string-casting';

type TypeOf = (e: Expression, env: ExprEnv) => EsqlType;

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five'];
const word = (n: number) => WORDS[n] ?? String(n);
const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');

function arityProblem(def: FunctionDef, n: number): string | undefined {
  const { min, max } = arityOf(def);
  if (n >= min && n <= max) return undefined;
  if (min === max) return min === 0 ? 'expects no arguments' : `expects exactly ${word(min)} ${plural(min)}`;
  if (max === Infinity) return `expects at least ${word(min)} ${plural(min)}`;
  if (max === min + 1) return `expects ${word(min)} or ${word(max)} arguments`;
  return `expects between ${word(min)} and ${word(max)} arguments`;
}

/** The name as the user typed it (the AST keeps it lower-cased). */
function writtenName(call: FunctionCall, env: ExprEnv): string {
  const src = env.ctx.source(call.span);
  const paren = src.indexOf('(');
  return (paren >= 0 ? src.slice(0, paren) : src).trim();
}

function argMode(def: FunctionDef, mode: ExprMode): ExprMode {
  if (def.kind !== 'scalar') return 'inAggregate';
  return mode;
}

export function typeCall(call: FunctionCall, env: ExprEnv, typeOf: TypeOf): EsqlType {
  const { ctx } = env;
  const def = lookupFunction(call.name);
  if (!def) {
    for (const arg of call.args) typeOf(arg, { ...env, allowConflicts: false });
    const name = writtenName(call, env);
    ctx.error(call.span, `Unknown function [${name}]${suggestionSuffix(findSimilar(name.toLowerCase(), functionNames()))}`);
    return ctx.fail(call);
  }
  ctx.functions.set(call, def.name);
  const src = ctx.source(call.span);
  if (!placementOk(call, def, env, src)) {
    for (const arg of call.args) typeOf(arg, { ...env, mode: 'inAggregate', allowConflicts: false });
    return ctx.fail(call);
  }
  const problem = arityProblem(def, call.args.length);
  if (call.star && def.name !== 'count') {
    ctx.error(call.span, `error building [${def.name}]: * is only allowed in COUNT`);
    return ctx.fail(call);
  }
  const argEnv: ExprEnv = {
    ...env,
    mode: argMode(def, env.mode),
    enclosingAggregate: def.kind === 'scalar' ? env.enclosingAggregate : call,
  };
  const argTypes = call.args.map((arg) => typeOf(arg, { ...argEnv, allowConflicts: !!def.conversion && arg.kind === 'column' }));
  if (problem) {
    ctx.error(call.span, `error building [${writtenName(call, env)}]: ${problem}`);
    return ctx.fail(call);
  }
  if (ctx.hasFailed(...call.args)) return ctx.fail(call);
  if (!argumentsOk(call, def, argTypes, env, src)) return ctx.fail(call);
  return ctx.typed(call, def.returns(argTypes));
}

function placementOk(call: FunctionCall, def: FunctionDef, env: ExprEnv, src: string): boolean {
  const { ctx } = env;
  if (def.kind === 'aggregate') {
    if (env.mode === 'grouping') {
      ctx.error(call.span, `cannot use an aggregate [${src}] for grouping`);
      return false;
    }
    if (env.mode === 'row') {
      ctx.error(call.span, `aggregate function [${src}] not allowed outside STATS command`);
      return false;
    }
    if (env.mode === 'inAggregate' && env.enclosingAggregate) {
      const outer = ctx.source(env.enclosingAggregate.span);
      ctx.error(call.span, `nested aggregations [${src}] not allowed inside other aggregations [${outer}]`);
      return false;
    }
  }
  if (def.kind === 'grouping' && env.mode !== 'grouping') {
    ctx.error(call.span, `cannot use grouping function [${src}] outside of a STATS command`);
    return false;
  }
  return true;
}

function argumentsOk(call: FunctionCall, def: FunctionDef, types: EsqlType[], env: ExprEnv, src: string): boolean {
  const { ctx } = env;
  // A conversion called with one argument keeps the unordinalled wording even where it takes a base (TO_LONG(x)).
  const single = (def.params.length === 1 || (!!def.conversion && call.args.length === 1)) && !def.variadic;
  const specs = paramsFor(def, call.args.length);
  // TO_INTEGER/TO_LONG(field, base): the field must be text (ToLongSurrogate.resolveType).
  if (def.conversion && call.args.length === 2 && specs[0]) specs[0] = { ...specs[0], accepts: T.string };
  const fail = (i: number, expected: string) => {
    const ord = single ? '' : `${ordinal(i + 1)} `;
    ctx.error(call.span, `${ord}argument of [${src}] must be [${expected}], found value [${ctx.source(call.args[i].span)}] type [${typeName(types[i])}]`);
    return false;
  };
  if (def.name === 'case') return caseArgumentsOk(types, fail);
  for (let i = 0; i < call.args.length; i++) {
    const spec = specs[i];
    const t = types[i];
    if (!spec) continue;
    const numericCast = def.kind !== 'aggregate' && isStringLiteral(call.args[i], t) ? numericStringTarget(spec.accepts.types) : undefined;
    const accepted =
      t === 'null' ||
      spec.accepts.types.includes(t) ||
      (t === 'unsupported' && def.conversion) ||
      numericCast !== undefined ||
      (isAutoCastString(call.args[i], t) && spec.accepts.types.some(autoCastsTo));
    if (!accepted) return fail(i, spec.accepts.describe);
    // The literal is the number from here on: the result type follows it (ABS("10.0") is a double).
    if (numericCast) types[i] = ctx.typed(call.args[i], numericCast);
    if (spec.constant && !isFoldable(call.args[i])) {
      const ord = single ? '' : `${ordinal(i + 1)} `;
      ctx.error(call.span, `${ord}argument of [${src}] must be a constant, received [${ctx.source(call.args[i].span)}]`);
      return false;
    }
  }
  const all = types.map((_, i) => i);
  // CLAMP mixes integer, long and double (the widest is the result); anything else must match.
  if (def.name.startsWith('clamp') && types.every((t) => t === 'null' || ['integer', 'long', 'double'].includes(t))) return true;
  // COALESCE, GREATEST and LEAST cast mixed numeric arguments to the first one's type when they widen to it.
  const widened = MIXED_NUMERIC_FUNCTIONS.has(def.name) ? withNumericWidening(types, all) : types;
  if (['coalesce', 'greatest', 'least', 'mv_append', 'clamp', 'clamp_min', 'clamp_max'].includes(def.name)) return sameTypeArguments(widened, all, fail);
  return true;
}

/** CASE: conditions boolean; every value of the first value's type. */
function caseArgumentsOk(types: EsqlType[], fail: (i: number, expected: string) => boolean): boolean {
  const n = types.length;
  for (let i = 0; i < n; i++) {
    const isCondition = i % 2 === 0 && i < n - 1;
    if (isCondition && types[i] !== 'boolean' && types[i] !== 'null') return fail(i, 'boolean');
  }
  const valueIndexes = types.map((_, i) => i).filter((i) => i % 2 === 1 || i === n - 1);
  return sameTypeArguments(withNumericWidening(types, valueIndexes), valueIndexes, fail);
}

/** The argument types after Elasticsearch's implicit numeric casts (./numeric-widening.ts). */
function withNumericWidening(types: EsqlType[], indexes: number[]): EsqlType[] {
  const target = mixedNumericTarget(indexes.map((i) => types[i]));
  if (target === undefined) return types;
  return types.map((t, i) => (indexes.includes(i) && isNumeric(t) ? target : t));
}

/** Every listed argument must have the first non-null one's type (text counts as keyword), as Coalesce.resolveType. */
function sameTypeArguments(types: EsqlType[], indexes: number[], fail: (i: number, expected: string) => boolean): boolean {
  const noText = (t: EsqlType): EsqlType => (isStringLike(t) ? 'keyword' : t);
  const first = indexes.find((i) => types[i] !== 'null');
  if (first === undefined) return true;
  const t = noText(types[first]);
  for (const i of indexes) {
    if (types[i] !== 'null' && noText(types[i]) !== t) return fail(i, typeName(t));
  }
  return true;
}
