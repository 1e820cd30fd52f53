/**
 * Date functions (docs/esql-semantics.md §9): now() (one value per query), DATE_TRUNC, DATE_FORMAT, DATE_DIFF (complete
 * units, as java.time's ChronoUnit.between), DATE_EXTRACT (ChronoField names), DATE_PARSE (Java
 * patterns via strptime) and BUCKET with a span. Dates are BIGINT epoch ms in UTC (lib/store/layout.ts).
 */
import 'server-only';
import type { Expression, FunctionCall, Span, TimeUnit } from '../../esql';
import { constText as constTextOf, scalar } from './arguments';
import { CompileContext, CompileFailure, type Val } from './context';
import { constSql, foldConst } from './constants';
import { compileConversion } from './conversions';
import { coercedScalar, scalarOf } from './expressions';
import { dateFormatToStrftime } from '../date-format';
import { quoteString } from '../sql';
import { durationMs, isDuration, periodParts } from '../time-math';
import { narrowWide } from './whole-ranges';

export function compileDateFunction(ctx: CompileContext, call: FunctionCall, name: string): Val | undefined {
  const constText = (e: Expression) => constTextOf(ctx, e);
  switch (name) {
    case 'now': {
      const folded = foldConst(ctx, call);
      if (folded?.kind === 'value') return scalar(constSql(ctx, folded));
      break;
    }
    case 'date_trunc':
      return scalar(dateTruncSql(ctx, call));
    case 'date_format': {
      const hasFormat = call.args.length > 1;
      const text = hasFormat ? constText(call.args[0]) : { value: "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", emit: quoteString };
      const fmt = dateFormatToStrftime(text.value);
      if (!fmt.ok) throw new CompileFailure(call.args[0].span, `unsupported date format: ${fmt.reason}`);
      // A constant string date is auto-cast (`DATE_FORMAT("yyyy", "2024-01-01")`, docs/esql-semantics.md §7).
      const date = coercedScalar(ctx, call.args[hasFormat ? 1 : 0], 'date', call.span);
      return scalar(`strftime(epoch_ms(${date}), ${text.emit(fmt.format)})`);
    }
    case 'date_diff':
      return scalar(dateDiffSql(ctx, call));
    case 'date_extract':
      return scalar(dateExtractSql(ctx, call));
    case 'date_parse':
      // Without a pattern DATE_PARSE reads strict_date_optional_time, exactly as TO_DATETIME does.
      if (call.args.length < 2) return compileConversion(ctx, call, 'to_datetime');
      return scalar(dateParseSql(ctx, call));
    case 'bucket':
      return scalar(bucketSql(ctx, call));
  }
  return undefined;
}

function dateTruncSql(ctx: CompileContext, call: FunctionCall): string {
  const span = foldConst(ctx, call.args[0]);
  if (!span || span.kind !== 'span') throw new CompileFailure(call.args[0].span, 'DATE_TRUNC needs a constant time span');
  return truncateDate(coercedScalar(ctx, call.args[1], 'date', call.span), span.quantity, span.unit, call.args[0].span);
}


/** Elasticsearch's DATE_DIFF unit names and aliases → DuckDB date_sub parts (nanos/micros scaled from ms). */
const DIFF_UNITS: Record<string, { part: string; scale?: number }> = {};
const alias = (part: string, names: string[], scale?: number) => names.forEach((n) => (DIFF_UNITS[n] = { part, scale }));
alias('year', ['year', 'years', 'yy', 'yyyy']);
alias('quarter', ['quarter', 'quarters', 'qq', 'q']);
alias('month', ['month', 'months', 'mm', 'm']);
alias('day', ['dayofyear', 'dy', 'y', 'day', 'days', 'dd', 'd', 'weekday', 'weekdays', 'dw']);
alias('week', ['week', 'weeks', 'wk', 'ww']);
alias('hour', ['hour', 'hours', 'hh']);
alias('minute', ['minute', 'minutes', 'mi', 'n']);
alias('second', ['second', 'seconds', 'ss', 's']);
alias('millisecond', ['millisecond', 'milliseconds', 'ms']);
alias('millisecond', ['microsecond', 'microseconds', 'mcs'], 1_000);
alias('millisecond', ['nanosecond', 'nanoseconds', 'ns'], 1_000_000);

function constString(ctx: CompileContext, call: FunctionCall, i: number, what: string): string {
  const c = foldConst(ctx, call.args[i]);
  if (!c || c.kind !== 'value' || typeof c.value !== 'string') {
    throw new CompileFailure(call.args[i].span, `${what} of [${ctx.sourceText(call.span)}] must be a constant string in the embedded engine`);
  }
  return c.value;
}

function dateDiffSql(ctx: CompileContext, call: FunctionCall): string {
  const unitText = constString(ctx, call, 0, 'the unit');
  const unit = DIFF_UNITS[unitText.toLowerCase()];
  if (!unit) throw new CompileFailure(call.args[0].span, `Received value [${unitText}] is not valid date unit; valid units are [YEAR, QUARTER, MONTH, DAYOFYEAR, DAY, WEEK, WEEKDAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, NANOSECOND]`, 'verification');
  const start = coercedScalar(ctx, call.args[1], 'date', call.span);
  const end = coercedScalar(ctx, call.args[2], 'date', call.span);
  const diff = `(date_sub('${unit.part}', epoch_ms(${start}), epoch_ms(${end}))::HUGEINT${unit.scale ? ` * ${unit.scale}` : ''})`;
  // The result is an integer: a difference beyond its range is null with a warning, as in Elasticsearch (docs/esql-semantics.md §9).
  const result = narrowWide(diff, 'integer');
  ctx.addProbe(call.span, result.outside, undefined, `'org.elasticsearch.xpack.esql.core.InvalidArgumentException: [' || ${diff} || '] out of [integer] range'`);
  return result.sql;
}

/** java.time ChronoField names (case-insensitive) → SQL over epoch ms `d`. */
const FIELDS: Record<string, (d: string) => string> = {
  year: (d) => `year(epoch_ms(${d}))`,
  year_of_era: (d) => `(CASE WHEN year(epoch_ms(${d})) > 0 THEN year(epoch_ms(${d})) ELSE 1 - year(epoch_ms(${d})) END)`,
  era: (d) => `(CASE WHEN year(epoch_ms(${d})) > 0 THEN 1 ELSE 0 END)`,
  month_of_year: (d) => `month(epoch_ms(${d}))`,
  proleptic_month: (d) => `(year(epoch_ms(${d})) * 12 + month(epoch_ms(${d})) - 1)`,
  day_of_month: (d) => `day(epoch_ms(${d}))`,
  day_of_year: (d) => `dayofyear(epoch_ms(${d}))`,
  day_of_week: (d) => `isodow(epoch_ms(${d}))`,
  epoch_day: (d) => `floor(${d} / 86400000)`,
  aligned_week_of_year: (d) => `((dayofyear(epoch_ms(${d})) - 1) // 7 + 1)`,
  aligned_week_of_month: (d) => `((day(epoch_ms(${d})) - 1) // 7 + 1)`,
  aligned_day_of_week_in_year: (d) => `((dayofyear(epoch_ms(${d})) - 1) % 7 + 1)`,
  aligned_day_of_week_in_month: (d) => `((day(epoch_ms(${d})) - 1) % 7 + 1)`,
  hour_of_day: (d) => `hour(epoch_ms(${d}))`,
  clock_hour_of_day: (d) => `(CASE WHEN hour(epoch_ms(${d})) = 0 THEN 24 ELSE hour(epoch_ms(${d})) END)`,
  hour_of_ampm: (d) => `(hour(epoch_ms(${d})) % 12)`,
  clock_hour_of_ampm: (d) => `(CASE WHEN hour(epoch_ms(${d})) % 12 = 0 THEN 12 ELSE hour(epoch_ms(${d})) % 12 END)`,
  ampm_of_day: (d) => `(CASE WHEN hour(epoch_ms(${d})) < 12 THEN 0 ELSE 1 END)`,
  minute_of_hour: (d) => `minute(epoch_ms(${d}))`,
  minute_of_day: (d) => `(hour(epoch_ms(${d})) * 60 + minute(epoch_ms(${d})))`,
  second_of_minute: (d) => `second(epoch_ms(${d}))`,
  second_of_day: (d) => `((((${d}) % 86400000) + 86400000) % 86400000 // 1000)`,
  milli_of_second: (d) => `((((${d}) % 1000) + 1000) % 1000)`,
  milli_of_day: (d) => `((((${d}) % 86400000) + 86400000) % 86400000)`,
  micro_of_second: (d) => `((((${d}) % 1000) + 1000) % 1000 * 1000)`,
  nano_of_second: (d) => `((((${d}) % 1000) + 1000) % 1000 * 1000000)`,
  instant_seconds: (d) => `floor(${d} / 1000)`,
};

function dateExtractSql(ctx: CompileContext, call: FunctionCall): string {
  const part = constString(ctx, call, 0, 'the date part');
  const field = FIELDS[part.toLowerCase()];
  if (!field) throw new CompileFailure(call.args[0].span, `DATE_EXTRACT of [${part}] is not supported by the embedded engine`);
  return `CAST(${field(coercedScalar(ctx, call.args[1], 'date', call.span))} AS BIGINT)`;
}

function dateParseSql(ctx: CompileContext, call: FunctionCall): string {
  // A null pattern parses nothing: the result is null, without a warning.
  const folded = foldConst(ctx, call.args[0]);
  if (folded?.kind === 'value' && folded.value === null) return 'NULL::BIGINT';
  const pattern = constString(ctx, call, 0, 'the pattern');
  const fmt = dateFormatToStrftime(pattern);
  if (!fmt.ok) throw new CompileFailure(call.args[0].span, `unsupported date pattern: ${fmt.reason}`);
  const text = scalarOf(ctx, call.args[1], call.span);
  const parsed = `epoch_ms(try_strptime(${text}, ${quoteString(fmt.format)}))`;
  ctx.addProbe(
    call.span,
    `(${text} IS NOT NULL AND ${parsed} IS NULL)`,
    undefined,
    `'java.lang.IllegalArgumentException: failed to parse date field [' || ${text} || '] with format [' || ${quoteString(pattern)} || ']'`,
  );
  return parsed;
}

/** BUCKET with a span: a time span rounds dates as DATE_TRUNC does; a number rounds numbers down to its multiple. */
function bucketSql(ctx: CompileContext, call: FunctionCall): string {
  if (call.args.length > 2) throw new CompileFailure(call.span, 'BUCKET with a bucket count and a range is not supported by the embedded engine; give a span');
  const span = foldConst(ctx, call.args[1]);
  const value = span?.kind === 'span' ? coercedScalar(ctx, call.args[0], 'date', call.span) : scalarOf(ctx, call.args[0], call.span);
  if (span?.kind === 'span') return truncateDate(value, span.quantity, span.unit, call.args[1].span);
  if (span?.kind === 'value' && typeof span.value === 'number' && ctx.typeOf(call.args[0]) !== 'date') {
    if (!(span.value > 0)) throw new CompileFailure(call.args[1].span, `BUCKET span must be positive`, 'verification');
    return `(floor(CAST(${value} AS DOUBLE) / ${span.value}) * ${span.value})`;
  }
  throw new CompileFailure(call.args[1].span, 'BUCKET with a bucket count is not supported by the embedded engine; give a span');
}

/** Rounds epoch ms `date` down to a span: durations from the epoch, periods by the calendar (UTC). */
function truncateDate(date: string, quantity: number, unit: TimeUnit, spanAt: Span): string {
  const fixed = (ms: number) => `(${date} - ((${date} % ${ms}) + ${ms}) % ${ms})`;
  const calendar = (part: string) => `epoch_ms(date_trunc('${part}', epoch_ms(${date})))`;
  if (isDuration(unit)) {
    const ms = durationMs(quantity, unit);
    if (!(ms > 0)) throw new CompileFailure(spanAt, 'the time span must be positive', 'verification');
    return fixed(ms);
  }
  const { months, days } = periodParts(quantity, unit);
  if (months === 0 && days === 1) return calendar('day');
  if (months === 0 && days === 7) return calendar('week');
  if (months === 0 && days > 1) return fixed(days * 86_400_000);
  if (days === 0 && months === 1) return calendar('month');
  if (days === 0 && months === 3) return calendar('quarter');
  if (days === 0 && months === 12) return calendar('year');
  throw new CompileFailure(spanAt, `rounding dates to [${quantity} ${unit}] is not supported by the embedded engine`);
}
