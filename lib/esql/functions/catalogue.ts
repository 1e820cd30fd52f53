/**
 * The ES|QL function catalogue: every function the hunting library uses plus the common ones,
 * with arity, accepted argument types and result type, after Elasticsearch's function reference
 * (docs/esql-semantics.md §8 lists the families and the gaps). The analyzer checks calls against it; the engine and the UI's
 * autocompletion read it. Where the docs were not checked signature by signature the entry is
 * conservative (accepts the documented common types only) and says so.
 */
import {
  T,
  fixed,
  firstNonNull,
  widestNumericOrFirst,
  noText,
  sameAsFirst,
  type FunctionDef,
  type FunctionKind,
  type ParamSpec,
  type TypeGroup,
} from './signatures';
import type { EsqlType } from '../types';

export type { FunctionDef, FunctionKind, ParamSpec, TypeGroup } from './signatures';

type Options = Partial<Pick<FunctionDef, 'aliases' | 'variadic' | 'conversion'>>;

const p = (name: string, accepts: TypeGroup, extra: Partial<ParamSpec> = {}): ParamSpec => ({ name, accepts, ...extra });
const opt = (name: string, accepts: TypeGroup, extra: Partial<ParamSpec> = {}): ParamSpec => p(name, accepts, { ...extra, optional: true });

function fn(
  name: string,
  kind: FunctionKind,
  params: ParamSpec[],
  returns: FunctionDef['returns'],
  description: string,
  options: Options = {},
): FunctionDef {
  return { name, aliases: options.aliases ?? [], kind, params, returns, description, variadic: options.variadic, conversion: options.conversion };
}

const scalar = (name: string, params: ParamSpec[], returns: FunctionDef['returns'], description: string, options?: Options) =>
  fn(name, 'scalar', params, returns, description, options);
const aggregate = (name: string, params: ParamSpec[], returns: FunctionDef['returns'], description: string, options?: Options) =>
  fn(name, 'aggregate', params, returns, description, options);
const convert = (name: string, accepts: TypeGroup, to: EsqlType, aliases: string[] = []) =>
  scalar(name, [p('field', accepts)], fixed(to), `Converts a value to ${to}.`, { aliases, conversion: true });
/** TO_INTEGER and TO_LONG also read text in a base (9.3+): `TO_LONG("ff", 16)`; the analyzer then wants a string first (./calls.ts). */
const convertWithBase = (name: string, accepts: TypeGroup, to: EsqlType, aliases: string[] = []) =>
  scalar(name, [p('field', accepts), opt('base', T.wholeNumber)], fixed(to), `Converts a value to ${to}; with a base (2 to 36), parses text in that base.`, {
    aliases,
    conversion: true,
  });
const stringToKeyword = (name: string, description: string) => scalar(name, [p('string', T.string)], fixed('keyword'), description);

/** SUM keeps integers as long and doubles as double; over null it is null (ES fix_sum_of_null_optimization). */
const sumType = (args: readonly EsqlType[]): EsqlType => (args[0] === 'double' ? 'double' : args[0] === 'null' ? 'null' : 'long');
/** BUCKET over dates gives dates; over numbers, doubles. */
const bucketType = (args: readonly EsqlType[]): EsqlType => (args[0] === 'date' || args[0] === 'date_nanos' ? args[0] : 'double');
/** DATE_TRUNC keeps date_nanos. */
const truncType = (args: readonly EsqlType[]): EsqlType => (args[1] === 'date_nanos' ? 'date_nanos' : 'date');
/** CASE: the type of the first non-null value (conditions at even positions are skipped). */
const caseType = (args: readonly EsqlType[]): EsqlType =>
  noText(args.filter((_, i) => i % 2 === 1 || i === args.length - 1).find((t) => t !== 'null') ?? 'null');

export const FUNCTIONS: readonly FunctionDef[] = [
  // aggregates
  aggregate('count', [opt('field', T.any)], fixed('long'), 'Number of values (COUNT(*) and COUNT(): number of rows).'),
  aggregate(
    'count_distinct',
    [p('field', T.any), opt('precision', T.wholeNumber, { constant: true })],
    fixed('long'),
    'Approximate number of distinct values (HyperLogLog++).',
  ),
  aggregate('values', [p('field', T.any)], sameAsFirst, 'All distinct values as a multi-value.'),
  aggregate('min', [p('field', T.orderable)], sameAsFirst, 'Minimum value.'),
  aggregate('max', [p('field', T.orderable)], sameAsFirst, 'Maximum value.'),
  aggregate('sum', [p('number', T.numericNoUl)], sumType, 'Sum of the values.'),
  aggregate('avg', [p('number', T.numericNoUl)], fixed('double'), 'Average of the values.'),
  aggregate('median', [p('number', T.numericNoUl)], fixed('double'), 'Median of the values.'),
  aggregate('percentile', [p('number', T.numericNoUl), p('percentile', T.numericNoUl, { constant: true })], fixed('double'), 'Percentile of the values.'),
  aggregate('std_dev', [p('number', T.numericNoUl)], fixed('double'), 'Population standard deviation of the values.'),
  aggregate('variance', [p('number', T.numericNoUl)], fixed('double'), 'Population variance of the values.', { aliases: ['std_var'] }),
  aggregate('weighted_avg', [p('number', T.numericNoUl), p('weight', T.numericNoUl)], fixed('double'), 'Average of the values weighted by the weight.'),
  aggregate('median_absolute_deviation', [p('number', T.numericNoUl)], fixed('double'), 'Median of the deviations from the median.'),
  aggregate('present', [p('field', T.any)], fixed('boolean'), 'Whether the field has any value.'),
  aggregate('absent', [p('field', T.any)], fixed('boolean'), 'Whether the field has no value.'),
  aggregate(
    'top',
    [p('field', T.orderable), p('limit', T.integer, { constant: true }), p('order', T.string, { constant: true }), opt('outputField', T.orderable)],
    (args) => (args.length > 3 ? sameAsFirst(args.slice(3)) : sameAsFirst(args)),
    'The top values in the order (ASC or DESC) as a multi-value (of outputField when given).',
  ),
  // FIRST/LAST (9.2+ preview): the field's value on the row with the smallest/largest sort key (docs/esql-semantics.md §8.1).
  aggregate('first', [p('field', T.firstLastField), p('sortField', T.firstLastSort)], sameAsFirst, 'The value of the row with the smallest sort key.'),
  aggregate('last', [p('field', T.firstLastField), p('sortField', T.firstLastSort)], sameAsFirst, 'The value of the row with the largest sort key.'),
  // grouping
  fn(
    'bucket',
    'grouping',
    [p('field', T.dateOrNumeric), p('buckets', T.bucketSpan, { constant: true }), opt('from', T.comparable, { constant: true }), opt('to', T.comparable, { constant: true })],
    bucketType,
    'Groups dates or numbers into buckets of a fixed span.',
  ),
  // date and time
  scalar('now', [], fixed('date'), 'The current date and time (one value per query).'),
  scalar('date_trunc', [p('interval', T.temporalAmount), p('date', T.date)], truncType, 'Rounds a date down to the interval.'),
  scalar('date_format', [opt('dateFormat', T.string), p('date', T.date)], fixed('keyword'), 'Formats a date (default ISO-8601).'),
  scalar('date_extract', [p('datePart', T.string), p('date', T.date)], fixed('long'), 'Extracts a part (year, hour, …) of a date.'),
  scalar('date_diff', [p('unit', T.string), p('startTimestamp', T.date), p('endTimestamp', T.date)], fixed('integer'), 'Difference of two dates in a unit.'),
  scalar('date_parse', [opt('datePattern', T.string), p('dateString', T.string)], fixed('date'), 'Parses a date string with a pattern.'),
  // ip
  scalar('cidr_match', [p('ip', T.ip), p('blockX', T.string)], fixed('boolean'), 'Whether the ip is in any of the CIDR blocks.', { variadic: true }),
  scalar('ip_prefix', [p('ip', T.ip), p('prefixLengthV4', T.integer), p('prefixLengthV6', T.integer)], fixed('ip'), 'Truncates an ip to a prefix.'),
  // conditional
  scalar('case', [p('condition', T.any), p('trueValue', T.any)], caseType, 'The value of the first true condition, else the default.', { variadic: true }),
  scalar('coalesce', [p('first', T.comparable), p('rest', T.comparable, { optional: true })], widestNumericOrFirst, 'The first non-null argument.', { variadic: true }),
  scalar('greatest', [p('first', T.comparable), p('rest', T.comparable, { optional: true })], firstNonNull, 'The largest argument.', { variadic: true }),
  scalar('least', [p('first', T.comparable), p('rest', T.comparable, { optional: true })], firstNonNull, 'The smallest argument.', { variadic: true }),
  scalar('clamp', [p('field', T.comparable), p('min', T.comparable), p('max', T.comparable)], widestNumericOrFirst, 'The field limited to [min, max].'),
  scalar('clamp_min', [p('field', T.comparable), p('min', T.comparable)], widestNumericOrFirst, 'The field, or min when it is smaller.'),
  scalar('clamp_max', [p('field', T.comparable), p('max', T.comparable)], widestNumericOrFirst, 'The field, or max when it is larger.'),
  // strings
  stringToKeyword('to_lower', 'Lower-cases a string.'),
  stringToKeyword('to_upper', 'Upper-cases a string.'),
  stringToKeyword('trim', 'Removes leading and trailing whitespace.'),
  stringToKeyword('ltrim', 'Removes leading whitespace.'),
  stringToKeyword('rtrim', 'Removes trailing whitespace.'),
  stringToKeyword('from_base64', 'Decodes a base64 string.'),
  stringToKeyword('to_base64', 'Encodes a string to base64.'),
  stringToKeyword('md5', 'MD5 hash of a string.'),
  stringToKeyword('sha1', 'SHA-1 hash of a string.'),
  stringToKeyword('sha256', 'SHA-256 hash of a string.'),
  scalar('length', [p('string', T.string)], fixed('integer'), 'Number of characters.'),
  scalar('substring', [p('string', T.string), p('start', T.integer), opt('length', T.integer)], fixed('keyword'), 'Substring from a 1-based start.'),
  scalar('replace', [p('string', T.string), p('regex', T.string), p('newString', T.string)], fixed('keyword'), 'Replaces regex matches.'),
  scalar('starts_with', [p('str', T.string), p('prefix', T.string)], fixed('boolean'), 'Whether the string starts with the prefix.'),
  scalar('ends_with', [p('str', T.string), p('suffix', T.string)], fixed('boolean'), 'Whether the string ends with the suffix.'),
  scalar('concat', [p('string1', T.string), p('string2', T.string)], fixed('keyword'), 'Concatenates strings.', { variadic: true }),
  scalar('split', [p('string', T.string), p('delim', T.string)], fixed('keyword'), 'Splits a string into a multi-value.'),
  scalar('locate', [p('string', T.string), p('substring', T.string), opt('start', T.integer)], fixed('integer'), '1-based position of a substring (0 if absent).'),
  scalar('left', [p('string', T.string), p('length', T.integer)], fixed('keyword'), 'The leftmost characters.'),
  scalar('right', [p('string', T.string), p('length', T.integer)], fixed('keyword'), 'The rightmost characters.'),
  scalar('contains', [p('string', T.string), p('substring', T.string)], fixed('boolean'), 'Whether the substring occurs in the string.'),
  scalar('repeat', [p('string', T.string), p('number', T.integer)], fixed('keyword'), 'The string repeated a number of times.'),
  scalar('space', [p('number', T.integer)], fixed('keyword'), 'A string of that many spaces.'),
  stringToKeyword('reverse', 'The string in reverse order, grapheme clusters kept together.'),
  scalar('bit_length', [p('string', T.string)], fixed('integer'), 'Length of the UTF-8 bytes in bits.'),
  scalar('byte_length', [p('string', T.string)], fixed('integer'), 'Length of the UTF-8 bytes.'),
  stringToKeyword('url_encode', 'Percent-encodes all but alphanumerics and `.-_~`; a space becomes `+`.'),
  stringToKeyword('url_encode_component', 'Percent-encodes all but alphanumerics and `.-_~`; a space becomes `%20`.'),
  stringToKeyword('url_decode', 'URL-decodes the string (null plus a warning when it cannot be decoded).'),
  // Newer full-text and JSON functions: typed so hunts load; the embedded engine may refuse them.
  scalar('match', [p('field', T.comparable), p('query', T.comparable, { constant: true })], fixed('boolean'), 'Full-text match (cluster only).'),
  scalar('json_extract', [p('string', T.string), p('path', T.string)], fixed('keyword'), 'Extracts a value from JSON text by path (conservative: string in, keyword out).'),
  // conversions
  convert('to_string', T.any, 'keyword', ['to_str']),
  convertWithBase('to_integer', T.toInteger, 'integer', ['to_int']),
  convertWithBase('to_long', T.toLong, 'long'),
  convert('to_unsigned_long', T.toUnsignedLong, 'unsigned_long', ['to_ul', 'to_ulong']),
  convert('to_double', T.toDouble, 'double', ['to_dbl']),
  convert('to_boolean', T.toBoolean, 'boolean', ['to_bool']),
  convert('to_ip', T.toIp, 'ip'),
  convert('to_datetime', T.toDatetime, 'date', ['to_dt']),
  convert('to_version', T.toVersion, 'version', ['to_ver']),
  // The one function that returns text (Elasticsearch's TO_TEXT: keyword or text in, text out).
  convert('to_text', T.string, 'text'),
  // multi-values
  scalar('mv_count', [p('field', T.any)], fixed('integer'), 'Number of values.'),
  scalar('mv_concat', [p('string', T.string), p('delim', T.string)], fixed('keyword'), 'Joins the values with a delimiter.'),
  scalar('mv_slice', [p('field', T.any), p('start', T.integer), opt('end', T.integer)], sameAsFirst, 'Values between two 0-based positions.'),
  scalar('mv_first', [p('field', T.any)], sameAsFirst, 'The first value.'),
  scalar('mv_last', [p('field', T.any)], sameAsFirst, 'The last value.'),
  scalar('mv_min', [p('field', T.comparable)], sameAsFirst, 'The smallest value.'),
  scalar('mv_max', [p('field', T.comparable)], sameAsFirst, 'The largest value.'),
  scalar('mv_dedupe', [p('field', T.any)], sameAsFirst, 'Removes duplicate values.'),
  scalar('mv_sort', [p('field', T.comparable), opt('order', T.string, { constant: true })], sameAsFirst, 'Sorts the values (ASC or DESC).'),
  scalar('mv_sum', [p('number', T.numeric)], sameAsFirst, 'Sum of the values.'),
  scalar('mv_avg', [p('number', T.numeric)], fixed('double'), 'Average of the values.'),
  scalar('mv_median', [p('number', T.numeric)], sameAsFirst, 'Median of the values.'),
  scalar('mv_append', [p('field1', T.any), p('field2', T.any)], firstNonNull, 'The values of both fields as one multi-value.'),
  scalar('mv_zip', [p('string1', T.string), p('string2', T.string), opt('delim', T.string)], fixed('keyword'), 'Joins the values of two fields pairwise with a delimiter (default `,`).'),
  scalar('mv_contains', [p('superset', T.any), p('subset', T.any)], fixed('boolean'), 'Whether every value of subset is in superset (newer versions).'),
  // math
  scalar('abs', [p('number', T.numeric)], sameAsFirst, 'Absolute value.'),
  scalar('round', [p('number', T.numeric), opt('decimals', T.wholeNumber)], sameAsFirst, 'Rounds to a number of decimals.'),
  scalar('floor', [p('number', T.numeric)], sameAsFirst, 'Rounds down.'),
  scalar('ceil', [p('number', T.numeric)], sameAsFirst, 'Rounds up.'),
  scalar('pow', [p('base', T.numeric), p('exponent', T.numeric)], fixed('double'), 'Power.'),
  scalar('sqrt', [p('number', T.numeric)], fixed('double'), 'Square root.'),
  scalar('log10', [p('number', T.numeric)], fixed('double'), 'Base-10 logarithm.'),
  scalar('log', [opt('base', T.numeric), p('number', T.numeric)], fixed('double'), 'Logarithm to a base (natural without one).'),
  scalar('signum', [p('number', T.numeric)], fixed('double'), 'The sign: -1.0, 0.0 or 1.0.'),
  scalar('cbrt', [p('number', T.numeric)], fixed('double'), 'Cube root.'),
  scalar('sin', [p('angle', T.numeric)], fixed('double'), 'Sine of an angle in radians.'),
  scalar('cos', [p('angle', T.numeric)], fixed('double'), 'Cosine of an angle in radians.'),
  scalar('tan', [p('angle', T.numeric)], fixed('double'), 'Tangent of an angle in radians.'),
  scalar('asin', [p('number', T.numeric)], fixed('double'), 'Arcsine in radians (input in [-1, 1]).'),
  scalar('acos', [p('number', T.numeric)], fixed('double'), 'Arccosine in radians (input in [-1, 1]).'),
  scalar('atan', [p('number', T.numeric)], fixed('double'), 'Arctangent in radians.'),
  scalar('atan2', [p('y_coordinate', T.numeric), p('x_coordinate', T.numeric)], fixed('double'), 'Angle of the point (x, y) from the x axis, in radians.'),
  scalar('sinh', [p('number', T.numeric)], fixed('double'), 'Hyperbolic sine.'),
  scalar('cosh', [p('number', T.numeric)], fixed('double'), 'Hyperbolic cosine.'),
  scalar('tanh', [p('number', T.numeric)], fixed('double'), 'Hyperbolic tangent.'),
  scalar('exp', [p('number', T.numeric)], fixed('double'), 'e raised to the power of the number.'),
  scalar('hypot', [p('number1', T.numeric), p('number2', T.numeric)], fixed('double'), 'Hypotenuse of two numbers (Math.hypot).'),
  scalar('to_degrees', [p('number', T.numeric)], fixed('double'), 'Radians to degrees, value by value for a multi-value.'),
  scalar('to_radians', [p('number', T.numeric)], fixed('double'), 'Degrees to radians, value by value for a multi-value.'),
  scalar('pi', [], fixed('double'), 'The ratio of a circle\'s circumference to its diameter.'),
  scalar('e', [], fixed('double'), 'Euler\'s number.'),
  scalar('tau', [], fixed('double'), 'The ratio of a circle\'s circumference to its radius.'),
];

const BY_NAME: ReadonlyMap<string, FunctionDef> = new Map(
  FUNCTIONS.flatMap((def) => [def.name, ...def.aliases].map((n) => [n, def] as const)),
);

/** The function called `name` (any case, aliases included), or undefined. */
export function lookupFunction(name: string): FunctionDef | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Every callable name (canonical names and aliases), for suggestions and autocompletion. */
export function functionNames(): string[] {
  return [...BY_NAME.keys()];
}

/** Minimum and maximum argument counts (`max` is Infinity for variadic functions). */
export function arityOf(def: FunctionDef): { min: number; max: number } {
  const min = def.params.filter((param) => !param.optional).length;
  return { min, max: def.variadic ? Infinity : def.params.length };
}

/**
 * The param spec of each of `argCount` arguments. A leading optional param (DATE_FORMAT's format,
 * DATE_PARSE's pattern) is the one left out when fewer arguments are given; the last param
 * repeats for variadic functions.
 */
export function paramsFor(def: FunctionDef, argCount: number): (ParamSpec | undefined)[] {
  const params = def.params[0]?.optional && argCount < def.params.length ? def.params.slice(def.params.length - argCount) : def.params;
  return Array.from({ length: argCount }, (_, i) =>
    i < params.length ? params[i] : def.variadic ? params[params.length - 1] : undefined,
  );
}
