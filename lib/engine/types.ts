import 'server-only';
import type { Backend } from '../backends/types';

export interface EmbeddedEngineOptions {
  dataDir: string;
  /** Pins now() when the request carries none (HUNTBOARD_NOW); otherwise the wall clock. */
  now?: () => Date;
  /**
   * CIDR_MATCH over a multi-valued ip: Elasticsearch up to 9.5 gives null plus a warning
   * (`single-value`), 9.6 matches any value (`any-value`). Default: `single-value` (docs/esql-semantics.md §10).
   */
  cidrMatchMultiValue?: 'single-value' | 'any-value';
}

/** The embedded engine is a Backend: lib/engine runs ES|QL over lib/store and answers in the `_query` shape. */
export type EmbeddedEngine = Backend & { readonly kind: 'embedded' };
