/**
 * Runs a compiled query on its own connection: the statement, then the multi-value probe when
 * there is one. An abort interrupts DuckDB and reports `cancelled`.
 */
import 'server-only';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CompiledQuery } from './compile/query';
import type { DuckDbHost } from './duckdb';

type Compiled = Extract<CompiledQuery, { ok: true }>;

export type RunOutcome =
  /** `probeReasons[i]`: the distinct exception texts probe i found (empty: no failure). */
  | { ok: true; columnNames: string[]; rows: unknown[][]; probeReasons: string[][] }
  | { ok: false; cancelled: true }
  | { ok: false; cancelled: false; message: string };

export async function runCompiled(host: DuckDbHost, compiled: Compiled, signal?: AbortSignal): Promise<RunOutcome> {
  if (signal?.aborted) return { ok: false, cancelled: true };
  const connection: DuckDBConnection = await host.connect();
  const onAbort = () => connection.interrupt();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const params = compiled.params.length ? compiled.params : undefined;
    const reader = await connection.runAndReadAll(compiled.sql, params);
    if (signal?.aborted) return { ok: false, cancelled: true };
    const rows = reader.getRowsJS() as unknown[][];
    const columnNames = reader.columnNames();
    let probeReasons: string[][] = [];
    if (compiled.probeSql) {
      const probe = await connection.runAndReadAll(compiled.probeSql, params);
      const row = (probe.getRowsJS()[0] ?? []) as unknown[];
      probeReasons = row.map((v) => (Array.isArray(v) ? [...new Set(v.map(String))].sort() : []));
    }
    if (signal?.aborted) return { ok: false, cancelled: true };
    return { ok: true, columnNames, rows, probeReasons };
  } catch (e) {
    if (signal?.aborted) return { ok: false, cancelled: true };
    return { ok: false, cancelled: false, message: e instanceof Error ? e.message : String(e) };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    connection.closeSync();
  }
}
