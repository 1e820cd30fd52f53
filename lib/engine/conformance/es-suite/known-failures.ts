/**
 * Reviewed reasons for the cases of Elasticsearch's csv-spec suite the engine does not pass. The
 * report (docs/esql-suite.md) prints, for each failing case, its entry in KNOWN_FAILURES (keyed
 * `file:case`), else the first rule of FAILURE_RULES whose pattern matches the raw difference, else
 * the difference itself. Each reason says what the engine answers instead.
 */
import 'server-only';

export const KNOWN_FAILURES: ReadonlyMap<string, string> = new Map<string, string>([]);

export interface FailureRule {
  /** Tested against the raw difference (compare.ts's text, or the engine's error). */
  pattern: RegExp;
  reason: string;
}

export const FAILURE_RULES: readonly FailureRule[] = [
  { pattern: /Unknown index \[airports/, reason: 'Needs the `airports` dataset: geo_point/geo_shape fields, which the store does not hold. Refused (`Unknown index`).' },
  { pattern: /ENRICH is not supported/, reason: 'ENRICH: the embedded store has no enrich policies. Refused with a positioned error.' },
  { pattern: /mismatched input 'LOOKUP'/, reason: 'LOOKUP JOIN is not implemented. Refused with a positioned parse error.' },
  { pattern: /mismatched input 'SET'/, reason: '`SET` settings statements (9.2+) are not implemented. Refused with a positioned parse error.' },
  { pattern: /mismatched input 'INLINE'|INLINE STATS/, reason: 'INLINE STATS is not implemented. Refused with a positioned parse error.' },
  { pattern: /mismatched input 'FORK'|mismatched input 'fork'/, reason: 'FORK is not implemented. Refused with a positioned parse error.' },
  { pattern: /Unknown function \[(TO_AGGREGATE_METRIC_DOUBLE|to_aggregate_metric_double)\]/, reason: 'aggregate_metric_double is a metrics type the store does not hold. Refused (`Unknown function`).' },
];

export function explainFailure(file: string, name: string, difference: string): string | undefined {
  return KNOWN_FAILURES.get(`${file}:${name}`) ?? FAILURE_RULES.find((r) => r.pattern.test(difference))?.reason;
}
