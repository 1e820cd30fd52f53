/**
 * What a hunt is to a page: its identity from the `[hunt]` table and, per query, what the client
 * part shows. The parsed queries stay in lib/hunts (an AST does not cross to the browser).
 */

export type HuntLanguage = 'ES|QL' | 'SQL' | 'EQL' | string;

/** A loaded hunt without its queries: what the hunt's header shows. */
export interface HuntInfo {
  /** Stable URL id: the file's stem (`low_volume_external_network_connections_from_process`). UUIDs are not unique in the library. */
  id: string;
  uuid: string;
  name: string;
  description: string;
  author: string;
  license: string;
  integration: string[];
  language: HuntLanguage[];
  mitre: string[];
  notes: string[];
  references: string[];
  /** Where it came from: `builtin` (shipped with Huntboard) or the file path under HUNTBOARD_HUNTS_DIR. */
  source: { kind: 'builtin'; file: string } | { kind: 'directory'; file: string };
  /** Folder in the library layout (`linux`, `windows`, …), when known. */
  platform?: string;
}

/** What the hunt page's client part needs about each query. */
export interface HuntQuerySummary {
  number: number;
  /** "All users", "Root only", or "Query 3". */
  label: string;
  language: string;
  text: string;
  /** ES|QL queries run (a broken one runs into its positioned parse error, shown as such). */
  runnable: boolean;
  /** Why it cannot run here, or its parse error. */
  problem?: string;
}
