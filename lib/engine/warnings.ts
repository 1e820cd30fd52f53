/** Warning texts (§1.7, §1.8), without the `299 Elasticsearch-…` envelope. */
import type { WarningProbe } from './compile/query';

/**
 * The warnings of an expression that failed on some rows (a multi-value, an overflow, a bad
 * value): the `evaluation of […] failed` line, then one line per distinct exception text.
 */
export function evaluationWarnings(probe: WarningProbe, reasons: string[]): string[] {
  const at = `Line ${probe.line}:${probe.column}`;
  return [`${at}: evaluation of [${probe.sourceText}] failed, treating result as null. Only first 20 failures recorded.`, ...reasons.map((r) => `${at}: ${r}`)];
}
