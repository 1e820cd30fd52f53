/**
 * The vocabulary the function catalogue is written in: groups of accepted argument types (each
 * with the wording Elasticsearch uses in its type errors) and the shape of one function entry.
 */
import type { EsqlType } from '../types';

export type FunctionKind = 'scalar' | 'aggregate' | 'grouping';

/** A set of accepted types plus the text Elasticsearch prints for it (`must be [string]`). */
export interface TypeGroup {
  types: readonly EsqlType[];
  describe: string;
}

export interface ParamSpec {
  name: string;
  accepts: TypeGroup;
  optional?: boolean;
  /** The argument must be a constant (COUNT_DISTINCT precision, BUCKET span, CASE is not). */
  constant?: boolean;
}

export interface FunctionDef {
  /** Canonical lower-case name. */
  name: string;
  aliases: readonly string[];
  kind: FunctionKind;
  params: readonly ParamSpec[];
  /** When set, the last param repeats without bound (`concat(a, b, …)`). */
  variadic?: boolean;
  /** Conversion functions may read a field with conflicting mappings ("union types", docs/esql-semantics.md §5). */
  conversion?: boolean;
  /** The result type given the (already checked) argument types. */
  returns: (args: readonly EsqlType[]) => EsqlType;
  description: string;
}

const NUMERIC_TYPES: readonly EsqlType[] = ['integer', 'long', 'double', 'unsigned_long'];

export const T = {
  any: {
    types: [
      'keyword', 'text', 'integer', 'long', 'unsigned_long', 'double', 'boolean', 'date', 'date_nanos', 'ip', 'version',
    ],
    describe: 'any type except counter types or dense_vector',
  },
  string: { types: ['keyword', 'text'], describe: 'string' },
  numeric: { types: NUMERIC_TYPES, describe: 'numeric' },
  numericNoUl: { types: ['integer', 'long', 'double'], describe: 'numeric except unsigned_long or counter types' },
  integer: { types: ['integer'], describe: 'integer' },
  wholeNumber: { types: ['integer', 'long', 'unsigned_long'], describe: 'integer' },
  boolean: { types: ['boolean'], describe: 'boolean' },
  ip: { types: ['ip'], describe: 'ip' },
  date: { types: ['date', 'date_nanos'], describe: 'date_nanos or datetime' },
  temporalAmount: { types: ['date_period', 'time_duration'], describe: 'date_period or time_duration' },
  dateOrNumeric: { types: ['date', 'date_nanos', ...NUMERIC_TYPES], describe: 'date_nanos or datetime or numeric' },
  bucketSpan: {
    types: ['integer', 'long', 'double', 'date_period', 'time_duration'],
    describe: 'integer, long, double or temporal',
  },
  comparable: {
    types: ['boolean', 'date', 'date_nanos', 'ip', 'keyword', 'text', 'version', ...NUMERIC_TYPES],
    describe: 'boolean, date, ip, string, version or numeric',
  },
  orderable: {
    types: ['date', 'date_nanos', 'ip', 'keyword', 'text', 'version', 'boolean', ...NUMERIC_TYPES],
    describe: 'boolean, date, ip, string, version or numeric except unsigned_long or counter types',
  },
  firstLastField: {
    types: ['boolean', 'date', 'date_nanos', 'double', 'integer', 'ip', 'keyword', 'long', 'text'],
    describe: 'boolean, date, ip, string or numeric except unsigned_long or counter types',
  },
  firstLastSort: { types: ['integer', 'long', 'date', 'date_nanos'], describe: 'long or date_nanos or datetime' },
  toInteger: {
    types: ['boolean', 'date', 'date_nanos', 'keyword', 'text', ...NUMERIC_TYPES],
    describe: 'boolean, counter_integer, date, keyword, numeric or text',
  },
  toLong: {
    types: ['boolean', 'date', 'date_nanos', 'keyword', 'text', ...NUMERIC_TYPES],
    describe: 'boolean, counter_integer, counter_long, date_nanos, datetime, keyword, numeric or text',
  },
  toDouble: {
    types: ['boolean', 'date', 'date_nanos', 'keyword', 'text', ...NUMERIC_TYPES],
    describe: 'boolean, counter_double, counter_integer, counter_long, datetime, keyword, numeric or text',
  },
  toBoolean: { types: ['boolean', 'keyword', 'text', ...NUMERIC_TYPES], describe: 'boolean, keyword, numeric or text' },
  toIp: { types: ['ip', 'keyword', 'text'], describe: 'ip or string' },
  toDatetime: {
    types: ['date', 'date_nanos', 'keyword', 'text', ...NUMERIC_TYPES],
    describe: 'date_nanos, datetime, numeric or string',
  },
  toVersion: { types: ['version', 'keyword', 'text'], describe: 'string or version' },
  toUnsignedLong: { types: ['boolean', 'date', 'keyword', 'text', ...NUMERIC_TYPES], describe: 'boolean, date, keyword, numeric or text' },
} satisfies Record<string, TypeGroup>;

/** Functions never return `text`: their string results are `keyword` (Elasticsearch's FUNCTIONS_NEVER_EMIT_TEXT, elastic/elasticsearch#114334; docs/esql-semantics.md §8). */
export function noText(t: EsqlType): EsqlType {
  return t === 'text' ? 'keyword' : t;
}

/** The first argument's type, text as keyword: MIN, MAX, VALUES, MV_* and friends. */
export const sameAsFirst = (args: readonly EsqlType[]): EsqlType => noText(args[0] ?? 'null');

/** The first non-null argument's type: COALESCE, GREATEST, LEAST. */
export const firstNonNull = (args: readonly EsqlType[]): EsqlType => noText(args.find((t) => t !== 'null') ?? 'null');

const NUMERIC_WIDTH: Partial<Record<EsqlType, number>> = { integer: 1, long: 2, double: 3 };

/**
 * COALESCE accepts mixed numeric arguments since 8.16 (PR #111917) and returns the widest of
 * them; any other mix keeps the first non-null argument's type (docs/esql-semantics.md §8.3).
 */
export const widestNumericOrFirst = (args: readonly EsqlType[]): EsqlType => {
  const numeric = args.filter((t) => t !== 'null');
  if (numeric.length > 0 && numeric.every((t) => NUMERIC_WIDTH[t] !== undefined)) {
    return numeric.reduce((a, b) => (NUMERIC_WIDTH[b]! > NUMERIC_WIDTH[a]! ? b : a));
  }
  return firstNonNull(args);
};

export const fixed =
  (t: EsqlType) =>
  (): EsqlType =>
    t;
