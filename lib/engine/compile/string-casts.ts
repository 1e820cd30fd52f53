/**
 * The value of a string literal the analyzer cast to a number (`ABS("10.0")`,
 * lib/esql/analysis/string-casting.ts; docs/esql-semantics.md §7). Elasticsearch converts it while
 * planning, so text that is no number is a verification error naming the literal, not a warning.
 */
import 'server-only';
import type { EsqlType, Span } from '../../esql';
import { CompileFailure } from './context';
import { parseJavaDouble, parseJavaWhole } from '../java-numbers';

/** StringUtils.parseDouble: Double.parseDouble, refusing what is not finite. */
function stringToDouble(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const d = parseJavaDouble(text);
  if (!d.ok) return { ok: false, message: `Cannot parse number [${text}]` };
  if (Number.isNaN(d.value)) return { ok: false, message: `[${text}] cannot be converted to a Double (NaN)` };
  if (!Number.isFinite(d.value)) return { ok: false, message: `Number [${text}] is too large` };
  return d;
}

/**
 * `text` as the number type the analyzer gave its literal: a double is a number, an integer or long a
 * bigint (stringToInt / stringToLong: the whole number, else the double rounded and range-checked).
 */
export function castStringConst(span: Span, text: string, type: EsqlType): number | bigint {
  const refuse = (message: string) =>
    new CompileFailure(span, `Cannot convert string [${text}] to [${type.toUpperCase()}], error [${message}]`, 'verification');
  if (type === 'double') {
    const d = stringToDouble(text);
    if (!d.ok) throw refuse(d.message);
    return d.value;
  }
  if (type !== 'integer' && type !== 'long') throw refuse(`cannot convert to [${type}]`);
  const whole = parseJavaWhole(text, type);
  if (whole === null) throw refuse(`Cannot parse number [${text}]`);
  return whole;
}

/** Whether a string literal's or parameter's value was typed as a number by the analyzer's implicit casting. */
export function isCastString(value: unknown, type: EsqlType): value is string {
  return typeof value === 'string' && (type === 'double' || type === 'integer' || type === 'long');
}
