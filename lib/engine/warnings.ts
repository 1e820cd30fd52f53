/**
 * Warning texts as Elasticsearch words them, without the `299 Elasticsearch-…` envelope: the
 * default-limit one (its AddImplicitLimit rule, cited in lib/esql/lint/findings.ts), and the pair
 * an expression that failed on some rows gives (x-pack/plugin/esql/compute/src/main/java/org/elasticsearch/compute/operator/Warnings.java).
 * A single-value function given a multi-value answers null with that pair
 * (https://www.elastic.co/docs/reference/query-languages/esql/esql-multivalued-fields); the compiler's comments cite this one.
 */
import type { WarningProbe } from './compile/query';

/**
 * The warnings of an expression that failed on some rows (a multi-value, an overflow, a bad
 * value): the `evaluation of […] failed` line, then one line per distinct exception text.
 */
export function evaluationWarnings(probe: WarningProbe, reasons: string[]): string[] {
  const at = `Line ${probe.line}:${probe.column}`;
  return [`${at}: evaluation of [${probe.sourceText}] failed, treating result as null. Only first 20 failures recorded.`, ...reasons.map((r) => `${at}: ${r}`)];
}
