/**
 * Warning texts as Elasticsearch words them, without the `299 Elasticsearch-…` envelope: the
 * default-limit one (docs/esql-semantics.md §6.6), and the pair an expression that failed on
 * some rows gives (§11.3). A single-value function given a multi-value answers null with that
 * pair (§4).
 */
import 'server-only';
import type { WarningProbe } from './compile/query';

/**
 * The warnings of an expression that failed on some rows (a multi-value, an overflow, a bad
 * value): the `evaluation of […] failed` line, then one line per distinct exception text.
 */
export function evaluationWarnings(probe: WarningProbe, reasons: string[]): string[] {
  const at = `Line ${probe.line}:${probe.column}`;
  const treatedAs = probe.treatedAs ?? 'null';
  return [`${at}: evaluation of [${probe.sourceText}] failed, treating result as ${treatedAs}. Only first 20 failures recorded.`, ...reasons.map((r) => `${at}: ${r}`)];
}
