/** A hunt as Elastic's hunting library writes it (`[hunt]` table of a TOML file), once loaded. */
import 'server-only';
import type { Query, EsqlError } from '../esql';
import type { HuntInfo } from '../model/hunt';


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

export interface Hunt extends HuntInfo {
  queries: HuntQuery[];
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
