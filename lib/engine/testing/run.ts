/** Test support: compiles an analyzed query and runs it as the engine does, answering in `_query` shape. */
import type { QueryResponse } from '../../model/esql';
import { type AnalyzedQuery, analyze, formatErrors } from '../../esql';
import type { SourceSnapshot } from '../../store/types';
import { compileQuery } from '../compile/query';
import { DuckDbHost } from '../duckdb';
import { formatRows } from '../format';
import { runCompiled } from '../run';
import { evaluationWarnings } from '../warnings';

export const TEST_NOW = Date.parse('2026-01-08T00:00:00.000Z');

export type TestAnswer = Pick<QueryResponse, 'columns' | 'values' | 'warnings'> | { error: string };

export async function answer(
  host: DuckDbHost,
  analyzed: AnalyzedQuery,
  snapshot?: SourceSnapshot,
  options: { cidrMatchMultiValue?: 'single-value' | 'any-value'; signal?: AbortSignal } = {},
): Promise<TestAnswer> {
  // The builder's text and AST go through the real analyzer, so tests check engine and analyzer together.
  const fields = analyzed.sources?.fields ?? snapshot?.fields ?? [];
  const params = [...analyzed.params.entries()].map(([p, b]) => ({ [p.name ?? '']: b.value }));
  const real = analyze(analyzed.query, analyzed.text, () => ({ indices: snapshot?.indices ?? [], fields }), params.length ? params : undefined);
  if (!real.ok) return { error: formatErrors(real.errors) };
  analyzed = real.analyzed;
  const compiled = compileQuery(analyzed, snapshot, { nowMs: TEST_NOW, cidrMatchMultiValue: options.cidrMatchMultiValue });
  if (!compiled.ok) return { error: formatErrors(compiled.errors) };
  const run = await runCompiled(host, compiled, options.signal);
  if (!run.ok) return { error: run.cancelled ? 'cancelled' : run.message };
  const warnings = analyzed.implicitLimit.warning ? [analyzed.implicitLimit.warning] : [];
  compiled.probes.forEach((p, i) => run.probeReasons[i]?.length && warnings.push(...evaluationWarnings(p, run.probeReasons[i])));
  return {
    columns: compiled.output.map((c) => ({ name: c.name, type: c.type })),
    values: formatRows(compiled.output, run.rows, run.columnNames),
    warnings,
  };
}
