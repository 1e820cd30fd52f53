/** A hunt as Elastic's hunting library writes it (`[hunt]` table of a TOML file), once loaded. */
import type { Query, EsqlError } from '../esql';

export type HuntLanguage = 'ES|QL' | 'SQL' | 'EQL' | string;

export type HuntQuery =
  | {
      /** 1-based, as the hunting CLI numbers them. */
      number: number;
      language: 'ES|QL';
      text: string;
      /** Parsed at load time; a broken query keeps its errors instead of breaking the catalogue. */
      parsed: { ok: true; query: Query } | { ok: false; errors: EsqlError[] };
    }
  | {
      number: number;
      /** OSQuery (`SQL`), EQL, or anything else the file declares: shown, never run. */
      language: 'SQL' | 'EQL' | 'other';
      text: string;
    };

export interface Hunt {
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
  queries: HuntQuery[];
  /** Where it came from: `builtin` (shipped with Huntboard) or the file path under HUNTBOARD_HUNTS_DIR. */
  source: { kind: 'builtin'; file: string } | { kind: 'directory'; file: string };
  /** Folder in the library layout (`linux`, `windows`, …), when known. */
  platform?: string;
}

/** A hunt file that could not be loaded at all (invalid TOML, missing `[hunt]` keys). */
export interface HuntLoadProblem {
  file: string;
  message: string;
}

export interface HuntCatalogue {
  hunts: Hunt[];
  problems: HuntLoadProblem[];
}
