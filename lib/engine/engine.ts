/**
 * The embedded engine as a Backend: parse → resolve (store snapshot) → analyze → compile → run →
 * format. Its language and store dependencies are passed in, so the wiring lives in index.ts.
 */
import 'server-only';
import type { QueryRequest } from '../backends/types';
import type { BackendError, EsqlParams, QueryResult } from '../model/esql';
import { type AnalyzedQuery, type Query, countExpressions, formatErrors, type EsqlError, type SourceResolver } from '../esql';
import { skippedPartWarnings } from '../store/part-check';
import type { EventStore, SourceSnapshot } from '../store/types';
import { compileQuery } from './compile/query';
import { findDamagedParts, looksLikeDamage, withoutParts } from './damaged-parts';
import { engineFailure } from './engine-errors';
import { DuckDbHost } from './duckdb';
import { formatRows } from './format';
import { checkQueryShape, checkQueryText } from './query-limits';
import { runCompiled } from './run';
import type { EmbeddedEngine, EmbeddedEngineOptions } from './types';
import { evaluationWarnings } from './warnings';

export interface EngineDeps {
  parse(text: string): { ok: true; query: Query } | { ok: false; errors: EsqlError[] };
  analyze(
    query: Query,
    text: string,
    resolve: SourceResolver,
    params?: EsqlParams,
  ): { ok: true; analyzed: AnalyzedQuery } | { ok: false; errors: EsqlError[] };
  openStore(dataDir: string): EventStore;
}

function errorKind(errors: readonly EsqlError[]): BackendError['kind'] {
  if (errors.some((e) => e.kind === 'unsupported')) return 'unsupported';
  if (errors.every((e) => e.kind === 'parsing')) return 'parsing';
  return 'verification';
}

function failure(kind: BackendError['kind'], message: string): QueryResult {
  return { ok: false, error: { kind, message } };
}

const engineFailed = (f: { kind: BackendError['kind']; message: string }): QueryResult => failure(f.kind, f.message);

export function createEngineWith(options: EmbeddedEngineOptions, deps: EngineDeps): EmbeddedEngine {
  const host = new DuckDbHost();
  let store: EventStore | undefined;
  const getStore = (): EventStore => (store ??= deps.openStore(options.dataDir));

  async function query(request: QueryRequest): Promise<QueryResult> {
    const started = performance.now();
    if (request.signal?.aborted) return failure('cancelled', 'the query was cancelled');
    // Size limits before the step each one bounds: no query holds the event loop for long (docs/esql-semantics.md §13).
    const longText = checkQueryText(request.query);
    if (longText) return failure('unsupported', formatErrors([longText]));
    const parsed = deps.parse(request.query);
    if (!parsed.ok) return failure(errorKind(parsed.errors), formatErrors(parsed.errors));
    const largeShape = checkQueryShape(parsed.query, request.query);
    if (largeShape) return failure('unsupported', formatErrors([largeShape]));

    let snapshot: SourceSnapshot | undefined;
    let unknownPattern: string | undefined;
    const first = parsed.query.commands[0];
    if (first?.kind === 'from') {
      const resolved = await getStore().resolve(first.sources.map((s) => s.name));
      if ('unknown' in resolved) unknownPattern = resolved.unknown;
      else snapshot = resolved;
    }
    const resolver: SourceResolver = () => (unknownPattern !== undefined ? { unknown: unknownPattern } : (snapshot ?? { indices: [], fields: [] }));
    const analyzed = deps.analyze(parsed.query, request.query, resolver, request.params);
    if (!analyzed.ok) {
      const kind = unknownPattern !== undefined && analyzed.errors.some((e) => e.message.startsWith('Unknown index')) ? 'unknown_index' : errorKind(analyzed.errors);
      return failure(kind, formatErrors(analyzed.errors));
    }
    const now = request.now ?? options.now?.() ?? new Date();
    const compile = (s: SourceSnapshot | undefined) => compileQuery(analyzed.analyzed, s, { nowMs: now.getTime(), cidrMatchMultiValue: options.cidrMatchMultiValue });
    let compiled = compile(snapshot);
    if (!compiled.ok) return failure(errorKind(compiled.errors), formatErrors(compiled.errors));

    let outcome = await runCompiled(host, compiled, request.signal);
    // DuckDB could not decode a part the cheap check passed: leave the damaged ones out, once (issue 13).
    if (!outcome.ok && !outcome.cancelled && snapshot && looksLikeDamage(outcome.message)) {
      const damaged = await findDamagedParts(snapshot, options.dataDir, request.signal);
      if (damaged.length) {
        snapshot = withoutParts(snapshot, damaged);
        compiled = compile(snapshot);
        if (!compiled.ok) return failure(errorKind(compiled.errors), formatErrors(compiled.errors));
        outcome = await runCompiled(host, compiled, request.signal);
      }
    }
    if (!outcome.ok) {
      return outcome.cancelled ? failure('cancelled', 'the query was cancelled') : engineFailed(engineFailure(outcome.message, { dataDir: options.dataDir, expressions: countExpressions(parsed.query) }));
    }
    // Damaged parts were left out of the snapshot: the answer is partial, and says so (docs/esql-semantics.md §2.4).
    const warnings: string[] = snapshot ? skippedPartWarnings(snapshot.skipped) : [];
    if (analyzed.analyzed.implicitLimit.warning) warnings.push(analyzed.analyzed.implicitLimit.warning);
    warnings.push(...(analyzed.analyzed.warnings ?? []));
    compiled.probes.forEach((probe, i) => {
      const reasons = outcome.probeReasons[i] ?? [];
      if (reasons.length) warnings.push(...evaluationWarnings(probe, reasons));
    });
    return {
      ok: true,
      response: {
        columns: compiled.output.map((c) => ({ name: c.name, type: c.type })),
        values: formatRows(compiled.output, outcome.rows, outcome.columnNames),
        warnings,
        took: Math.round(performance.now() - started),
        is_partial: (snapshot?.skipped.length ?? 0) > 0,
      },
    };
  }

  return {
    kind: 'embedded',
    query,
    async describe() {
      try {
        const indices = await getStore().listIndices();
        return {
          ok: true,
          info: {
            kind: 'embedded',
            dataDir: options.dataDir,
            indices: indices.map((i) => ({ name: i.name, docCount: i.docCount, minTimestamp: i.minTimestamp, maxTimestamp: i.maxTimestamp })),
          },
        };
      } catch (e) {
        return { ok: false, error: { kind: 'internal', message: e instanceof Error ? e.message : String(e) } };
      }
    },
    close: () => host.close(),
  };
}
