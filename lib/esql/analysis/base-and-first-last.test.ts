/** TO_INTEGER/TO_LONG with a base and the FIRST/LAST aggregates: arity, argument types, result types. */
import { describe, expect, it } from 'vitest';
import { errorsOf, NET, run } from '../testing/network-index';
import { as, col, dbl, evalc, fn, from, int, stats, str, type X } from '../testing/builders';

function typeOf(x: X): string {
  const { result } = run([from([NET]), evalc(as(x, 'v'))]);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.analyzed.output.at(-1)!.type;
}
const evalErrors = (x: X) => errorsOf([from([NET]), evalc(as(x, 'v'))]);

describe('TO_INTEGER / TO_LONG with a base', () => {
  it('types the result as the one-argument form does', () => {
    expect(typeOf(fn('to_long', col('message'), int(16)))).toBe('long');
    expect(typeOf(fn('to_int', str('ff'), col('process.pid')))).toBe('integer');
  });

  it('wants a string field and a whole-number base', () => {
    expect(evalErrors(fn('to_long', col('process.pid'), int(16)))).toEqual([
      'first argument of [to_long(process.pid, 16)] must be [string], found value [process.pid] type [long] @ to_long(process.pid, 16)',
    ]);
    expect(evalErrors(fn('to_integer', col('message'), dbl(16)))).toEqual([
      'second argument of [to_integer(message, 16.0)] must be [integer], found value [16.0] type [double] @ to_integer(message, 16.0)',
    ]);
  });

  it('keeps the unordinalled wording of the one-argument form', () => {
    expect(evalErrors(fn('to_long', col('destination.ip')))).toEqual([
      'argument of [to_long(destination.ip)] must be [boolean, counter_integer, counter_long, date_nanos, datetime, keyword, numeric or text], found value [destination.ip] type [ip] @ to_long(destination.ip)',
    ]);
  });
});

describe('FIRST / LAST', () => {
  const statsType = (x: X) => {
    const { result } = run([from([NET]), stats([as(x, 'v')])]);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    return result.analyzed.output.at(-1)!.type;
  };

  it('has the field type (text as keyword)', () => {
    expect(statsType(fn('first', col('process.pid'), col('@timestamp')))).toBe('long');
    expect(statsType(fn('last', col('message'), col('@timestamp')))).toBe('keyword');
  });

  it('wants a long or date sort field', () => {
    expect(errorsOf([from([NET]), stats([as(fn('last', col('process.pid'), col('message')), 'v')])])).toEqual([
      'second argument of [last(process.pid, message)] must be [long or date_nanos or datetime], found value [message] type [text] @ last(process.pid, message)',
    ]);
  });
});
