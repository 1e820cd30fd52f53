/**
 * String functions (docs/esql-semantics.md §8.4): case, length, SUBSTRING (Elasticsearch's 1-based, negative-from-the-end start),
 * REPLACE (a Java regex, refused where RE2 would differ), trimming, hashing, base64, SPLIT, LOCATE,
 * CONTAINS, REPEAT/SPACE (./sized-strings.ts), REVERSE, BIT_LENGTH/BYTE_LENGTH and the URL codecs.
 */
import 'server-only';
import type { Expression, FunctionCall } from '../../esql';
import { argScalars, constText as constTextOf, scalar } from './arguments';
import { asList, CompileContext, CompileFailure, type Val } from './context';
import { FROM_BASE64, FROM_BASE64_REFUSAL, REVERSE, URL_DECODE, URL_DECODE_REFUSAL, URL_ENCODE, URL_ENCODE_COMPONENT } from '../udfs';
import { compileSizedString } from './sized-strings';
import { compileExpr } from './expressions';

/**
 * TO_LOWER/TO_UPPER convert every value of a multi-value, as Elasticsearch 9.1+ does (elastic/elasticsearch#124676;
 * before it, a multi-value was null with a warning): docs/esql-semantics.md §8.4.
 */
function compileCaseChange(ctx: CompileContext, call: FunctionCall, fn: 'lower' | 'upper'): Val {
  const val = compileExpr(ctx, call.args[0]);
  if (val.kind === 'scalar') return scalar(`${fn}(${val.sql})`);
  // a field's single values stay in their plain column: only its multi-values are lists
  if (val.kind === 'mvcol') return { kind: 'mvcol', scalar: `${fn}(${val.scalar})`, mv: `list_transform(${val.mv}, __x -> ${fn}(__x))` };
  return { kind: 'list', sql: `list_transform(${asList(val)}, __x -> ${fn}(__x))` };
}

export function compileStringFunction(ctx: CompileContext, call: FunctionCall, name: string): Val | undefined {
  const s = argScalars(ctx, call);
  const constText = (e: Expression) => constTextOf(ctx, e);
  switch (name) {
    case 'concat':
      return scalar(`(${call.args.map((_, i) => s(i)).join(' || ')})`);
    case 'to_lower':
    case 'to_upper':
      return compileCaseChange(ctx, call, name === 'to_lower' ? 'lower' : 'upper');
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
    case 'from_base64': {
      // An invalid value is null with the decoder's message (DuckDB's from_base64 would fail the query).
      const text = s(0);
      if (!ctx.aggregateMode) ctx.addProbe(call.span, `(${FROM_BASE64_REFUSAL}(${text}) IS NOT NULL)`, undefined, `${FROM_BASE64_REFUSAL}(${text})`);
      return scalar(`${FROM_BASE64}(${text})`);
    }
    case 'to_base64':
      return scalar(`to_base64(encode(${s(0)}))`);
    case 'split':
      return { kind: 'list', sql: `string_split(${s(0)}, ${s(1)})` };
    case 'contains':
      return scalar(`contains(${s(0)}, ${s(1)})`);
    case 'repeat':
    case 'space':
      return compileSizedString(ctx, call, name);
    case 'reverse':
      return scalar(`${REVERSE}(${s(0)})`);
    case 'bit_length':
    case 'byte_length':
      return scalar(`(strlen(${s(0)})${name === 'bit_length' ? ' * 8' : ''})::INTEGER`);
    case 'url_encode':
      return scalar(`${URL_ENCODE}(${s(0)})`);
    case 'url_encode_component':
      return scalar(`${URL_ENCODE_COMPONENT}(${s(0)})`);
    case 'url_decode': {
      // An undecodable value is null with java.net.URLDecoder's message, as for FROM_BASE64.
      const text = s(0);
      if (!ctx.aggregateMode) ctx.addProbe(call.span, `(${URL_DECODE_REFUSAL}(${text}) IS NOT NULL)`, undefined, `${URL_DECODE_REFUSAL}(${text})`);
      return scalar(`${URL_DECODE}(${text})`);
    }
    case 'locate':
      if (call.args.length > 2) throw new CompileFailure(call.args[2].span, 'LOCATE with a start position is not supported by the embedded engine');
      return scalar(`strpos(${s(0)}, ${s(1)})::INTEGER`);
  }
  return undefined;
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
