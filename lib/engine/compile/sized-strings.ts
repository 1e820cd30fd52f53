/**
 * REPEAT and SPACE, whose size Elasticsearch bounds (docs/esql-semantics.md §8.4): a negative count
 * or a result above 1 MiB is null plus Elasticsearch's warning for a per-row count; for a constant
 * count Elasticsearch fails the whole query while planning, so the engine refuses it at its position.
 */
import 'server-only';
import type { FunctionCall } from '../../esql';
import { argScalars, scalar } from './arguments';
import { foldConst } from './constants';
import { CompileContext, CompileFailure, type Val } from './context';

/** Elasticsearch's bound on a function's string result (ScalarFunction.MAX_BYTES_REF_RESULT_SIZE, 1 MiB). */
const MAX_RESULT_BYTES = 1024 * 1024;
const NEGATIVE = 'Number parameter cannot be negative, found [';

export function compileSizedString(ctx: CompileContext, call: FunctionCall, name: 'repeat' | 'space'): Val {
  const countArg = call.args[name === 'repeat' ? 1 : 0];
  const folded = foldConst(ctx, countArg);
  const constant = folded?.kind === 'value' && (typeof folded.value === 'number' || typeof folded.value === 'bigint') ? Number(folded.value) : undefined;
  const s = argScalars(ctx, call);
  const count = s(name === 'repeat' ? 1 : 0);
  const text = name === 'repeat' ? s(0) : `' '`;
  const tooLong =
    name === 'repeat'
      ? `Creating repeated strings with more than [${MAX_RESULT_BYTES}] bytes is not supported`
      : `Creating strings longer than [${MAX_RESULT_BYTES}] bytes is not supported`;
  if (constant !== undefined && (constant < 0 || (name === 'space' && constant > MAX_RESULT_BYTES))) {
    const reason = constant < 0 ? `${NEGATIVE}${constant}]` : tooLong;
    throw new CompileFailure(countArg.span, `${name.toUpperCase()} with the constant count [${constant}] fails the query in Elasticsearch (${reason}); the embedded engine refuses it`);
  }
  const size = `(strlen(${text})::BIGINT * ${count})`;
  const bad = `(${count} < 0 OR ${size} > ${MAX_RESULT_BYTES})`;
  if (!ctx.aggregateMode) {
    const reasonSql = `(CASE WHEN ${count} < 0 THEN 'java.lang.IllegalArgumentException: ${NEGATIVE}' || ${count} || ']' ELSE 'java.lang.IllegalArgumentException: ${tooLong}' END)`;
    ctx.addProbe(call.span, `(${text} IS NOT NULL AND ${bad})`, undefined, reasonSql);
  }
  return scalar(`(CASE WHEN NOT ${bad} THEN repeat(${text}, ${count}) END)`);
}
