/**
 * The one interface every data store is reached through. Both backends answer in the shape of
 * Elasticsearch's `_query` response (docs/esql-semantics.md §2.4), so the UI, CLI and hunt runner never see a DuckDB
 * row or a client exception.
 */

import 'server-only';
import type { BackendError, EsqlParams, QueryResult } from '../model/esql';

export interface QueryRequest {
  query: string;
  params?: EsqlParams;
  /** Pins `now()` for this query (the embedded engine); clusters use their own clock (docs/esql-semantics.md §9). */
  now?: Date;
  /** Cancels the query: the embedded engine interrupts DuckDB, the cluster backend cancels the async query. */
  signal?: AbortSignal;
}

export type BackendInfo =
  | {
      kind: 'elasticsearch';
      clusterName: string;
      version: string;
    }
  | {
      kind: 'embedded';
      dataDir: string;
      indices: { name: string; docCount: number; minTimestamp: string | null; maxTimestamp: string | null }[];
    };

export type SourcesResult = { ok: true; sources: string[] } | { ok: false; error: BackendError };

export interface Backend {
  readonly kind: 'elasticsearch' | 'embedded';
  query(request: QueryRequest): Promise<QueryResult>;
  /** What the overview shows: cluster name and version, or the embedded data's indices and time range. */
  describe(): Promise<{ ok: true; info: BackendInfo } | { ok: false; error: BackendError }>;
  /**
   * Every index, alias and data stream a FROM can name, hidden ones left out, sorted: what the
   * ES|QL editor completes. A backend without it is listed from describe() (the embedded store's indices).
   */
  listSources?(signal?: AbortSignal): Promise<SourcesResult>;
  close(): Promise<void>;
}
