/**
 * Reviewed reasons for the cases of Elasticsearch's csv-spec suite the engine does not pass. The
 * report (docs/esql-suite.md) prints, for each failing case, its entry in KNOWN_FAILURES (keyed
 * `file:case`), else the first rule of FAILURE_RULES whose pattern matches the raw difference, else
 * the difference itself. Each reason says what the engine answers instead.
 */
import 'server-only';

const PRE_8_12_MV_WARNINGS =
  'This version of the file predates 8.12, from which a cluster warns when a filter or function meets a multi-valued field (`single-value function encountered multi-value`); the engine sends the warning a current cluster sends.';
const PRE_8_15_EXCEPTION =
  'This version of the file names `org.elasticsearch.xpack.ql.QlIllegalArgumentException`; from 8.15 the class is `org.elasticsearch.xpack.esql.core.InvalidArgumentException`, which the engine names. Values agree.';
const PRE_8_18_SCALED_FLOAT =
  'scaled_float: this version of the file expects 8.17 and earlier (value × (1 / factor): 2.0300000000000002); 8.18+ divide by the factor (2.03, elastic/elasticsearch#122586), as the engine does. The float and half_float columns agree.';
const SUM_ORDER =
  'The last digit of a compensated double SUM depends on the order in which values are added; Elasticsearch adds this multi-valued group in another order (docs/esql-semantics.md §8.1).';
const OLD_WARNING_FORMAT =
  'This version of the file expects the exception line of a warning without its `Line L:C:` prefix (before 8.12); current clusters, and the engine, prefix it.';
const LUCENE_PUSHDOWN =
  'Elasticsearch runs this filter partly in Lucene, which decides which rows are evaluated and so which warnings appear; the engine evaluates every row. Rows agree.';

/** Cases the engine answers differently, or refuses, and why (keyed `file:case`). */
export const KNOWN_FAILURES: ReadonlyMap<string, string> = new Map<string, string>([
  ...['in', 'lessThanMultivalue', 'greaterThanMultivalue', 'equalToMultivalue', 'equalToOrEqualToMultivalue', 'inMultivalue', 'notLessThanMultivalue', 'notGreaterThanMultivalue', 'notEqualToMultivalue', 'lengthOfText', 'startsWithText', 'substringOfText', 'concatOfText'].map(
    (c): [string, string] => [`string.csv-spec:${c}`, PRE_8_12_MV_WARNINGS],
  ),
  ...['inLongAndInt', 'lessThanMultivalue', 'greaterThanMultivalue', 'equalToMultivalue', 'equalToOrEqualToMultivalue', 'inMultivalue', 'notLessThanMultivalue', 'notGreaterThanMultivalue', 'notEqualToMultivalue'].map(
    (c): [string, string] => [`ints.csv-spec:${c}`, PRE_8_12_MV_WARNINGS],
  ),
  ...['convertDoubleToUL', 'convertULToLong', 'convertDoubleToLong', 'convertLongToInt', 'convertULToInt', 'convertDoubleToInt', 'warningWithFromSource'].map((c): [string, string] => [`ints.csv-spec:${c}`, PRE_8_15_EXCEPTION]),
  ...['floats.csv-spec:inDouble', 'floats.csv-spec:inFloat', 'floats.csv-spec:inHalfFloat', 'floats.csv-spec:inScaledFloat', 'string.csv-spec:convertFromFloats', 'mv_expand.csv-spec:keepStarMvExpand'].map((c): [string, string] => [c, PRE_8_18_SCALED_FLOAT]),
  ...['statsByMvFieldAggExpr', 'statsByMvFieldEval', 'statsByMvFieldWhere'].map((c): [string, string] => [`stats.csv-spec:${c}`, SUM_ORDER]),
  ...['convertMvToMvDifferentCardinality', 'convertMvToSv', 'convertMvToNull'].map((c): [string, string] => [`row.csv-spec:${c}`, OLD_WARNING_FORMAT]),
  ...['boolean.csv-spec:in', 'null.csv-spec:isNullWithOrDisjunctionMvEvalNull', 'null.csv-spec:isNullWithOrDisjunctionMvEvalNullSeparateWhereClauses'].map((c): [string, string] => [c, LUCENE_PUSHDOWN]),
  ...['notLessThanMultivalue', 'notGreaterThanMultivalue', 'notEqualToMultivalue'].map((c): [string, string] => [
    `floats.csv-spec:${c}`,
    'A cluster pushes `NOT (field < 1)` to Lucene and names the warning after the whole NOT; the engine names the comparison inside (the form Elasticsearch itself gives when the filter is not pushed down, the `#[Emulated:]` form of this case). Rows agree.',
  ]),
  ['row.csv-spec:evalRowWithNull2', 'This version of the file predates 8.16, from which ROW keeps only the rightmost of two fields of one name (two unnamed `null`s: one column), as the engine does (docs/esql-semantics.md §6.3).'],
  ['date.csv-spec:dateFormatLocale', 'The warning is sent only by clusters on JDK 22 or earlier (the COMPAT locale provider, up to 8.15); 8.16+ bundle JDK 23 and send none, as the engine. Values agree.'],
  ['eval.csv-spec:repetitiveEval', 'Refused: 323 expressions that can raise warnings, past the engine\'s limit of 250 (DuckDB plans warning checks in time cubic in their number; docs/esql-semantics.md §13).'],
  ['math.csv-spec:hypotWithFrom', 'One row differs in the last bit: HYPOT(3448205404634246112, 5409549730889481641) is 6.415087591258227E18 in Java (within one ulp), 6.415087591258228E18 in the engine (correctly rounded; docs/esql-semantics.md §8.5).'],
  ['stats_count_distinct.csv-spec:countDistinctOfIpPrecision', 'Refused with a positioned error: COUNT_DISTINCT at precision 5 over 6+ values, where Elasticsearch\'s HyperLogLog++ estimate takes over; the engine counts exactly only below that (docs/esql-semantics.md §8.1).'],
  ['keep.csv-spec:projectFromWithStatsAfterLimit', 'Group order: STATS without SORT leaves the order of groups undefined; Elasticsearch gives the null group first, then the order of first sight; the engine orders groups by key (docs/esql-semantics.md §6.5). Rows agree.'],
  ['mv_expand.csv-spec:expandAfterSort1', 'Order of rows with equal sort keys (two nulls): Elasticsearch\'s SORT is not stable and the case expects its order; the engine keeps input order. Rows agree.'],
  ['conditional.csv-spec:nullValue', '`Expression [1 + null] always evaluates to NULL.` is a newer optimizer warning (warn_null_misuse) that older clusters do not send; not emitted by the engine. Values agree.'],
]);

export interface FailureRule {
  /** Tested against the raw difference (compare.ts's text, or the engine's error). */
  pattern: RegExp;
  reason: string;
}

export const FAILURE_RULES: readonly FailureRule[] = [
  { pattern: /Unknown index \[airports/, reason: 'Needs the `airports` dataset: geo_point/geo_shape fields, which the store does not hold. Refused (`Unknown index`).' },
  { pattern: /ENRICH is not supported/, reason: 'ENRICH: the embedded store has no enrich policies. Refused with a positioned error.' },
  { pattern: /mismatched input 'LOOKUP'/i, reason: 'LOOKUP JOIN is not implemented. Refused with a positioned parse error.' },
  { pattern: /mismatched input 'INLINE'|INLINE STATS/, reason: 'INLINE STATS is not implemented. Refused with a positioned parse error.' },
  { pattern: /mismatched input 'FORK'|mismatched input 'fork'/, reason: 'FORK is not implemented. Refused with a positioned parse error.' },
  { pattern: /Unknown function \[(TO_AGGREGATE_METRIC_DOUBLE|to_aggregate_metric_double)\]/, reason: 'aggregate_metric_double is a metrics type the store does not hold. Refused (`Unknown function`).' },
  { pattern: /Unknown function \[(AUTO_BUCKET|auto_bucket)\]/, reason: 'This version of the file uses AUTO_BUCKET, renamed BUCKET in 8.14; 8.15+ clusters refuse the old name, as the engine does.' },
];

export function explainFailure(file: string, name: string, difference: string): string | undefined {
  return KNOWN_FAILURES.get(`${file}:${name}`) ?? FAILURE_RULES.find((r) => r.pattern.test(difference))?.reason;
}
