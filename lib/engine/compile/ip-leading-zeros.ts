/**
 * TO_IP(text, {"leading_zeros": "reject" | "decimal" | "octal"}) (docs/esql-semantics.md §10): the option picks how IPv4
 * octets with leading zeros read (lib/model/ip-leading-zeros.ts). `reject` is plain TO_IP.
 */
import 'server-only';
import type { FunctionCall } from '../../esql';
import { asList, CompileContext, CompileFailure, type Val } from './context';
import { compileExpr } from './expressions';
import { LEADING_ZEROS, type LeadingZeros } from '../../model/ip-leading-zeros';
import { TEXT_TO_IP_LEADING_ZEROS } from '../udfs';

/** The call's `leading_zeros` option; an unknown option or value is an error, as in Elasticsearch. */
export function leadingZerosOption(ctx: CompileContext, call: FunctionCall): LeadingZeros {
  let mode: LeadingZeros = 'reject';
  for (const entry of call.options?.entries ?? []) {
    if (entry.key !== 'leading_zeros') {
      throw new CompileFailure(call.options!.span, `Invalid option [${entry.key}] in [${ctx.sourceText(call.span)}], expected one of [leading_zeros]`, 'verification');
    }
    const v = entry.value.kind === 'literal' && entry.value.value.type === 'string' ? entry.value.value.value : undefined;
    const found = LEADING_ZEROS.find((m) => m === v?.toLowerCase());
    if (!found) {
      throw new CompileFailure(
        entry.value.span,
        `Illegal leading_zeros [${ctx.sourceText(entry.value.span)}] in [${ctx.sourceText(call.span)}], expected one of [${LEADING_ZEROS.join(', ')}]`,
        'verification',
      );
    }
    mode = found;
  }
  return mode;
}

/** TO_IP of text reading leading zeros as decimal or octal: each value converts, a bad one is dropped with a warning. */
export function compileToIpLeadingZeros(ctx: CompileContext, call: FunctionCall, mode: Exclude<LeadingZeros, 'reject'>): Val {
  const parse = TEXT_TO_IP_LEADING_ZEROS[mode];
  const val = compileExpr(ctx, call.args[0]);
  const message = (x: string) => `'java.lang.IllegalArgumentException: ''' || ${x} || ''' is not an IP string literal.'`;
  if (val.kind === 'scalar') {
    if (!ctx.aggregateMode) ctx.addProbe(call.span, `(${val.sql} IS NOT NULL AND ${parse}(${val.sql}) IS NULL)`, undefined, message(val.sql));
    return { kind: 'scalar', sql: `${parse}(${val.sql})` };
  }
  const list = asList(val);
  if (!ctx.aggregateMode) {
    const failed = `list_filter(${list}, __x -> ${parse}(__x) IS NULL)`;
    ctx.addProbe(call.span, `(len(${failed}) > 0)`, undefined, message(`(${failed})[1]`));
  }
  return { kind: 'list', sql: `list_filter(list_transform(${list}, __x -> ${parse}(__x)), __y -> __y IS NOT NULL)` };
}
