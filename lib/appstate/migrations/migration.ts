/** One numbered step of the app state's schema. */
import 'server-only';
import type { AppDatabase } from '../database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Data the SQL alone cannot move, run after it in the same transaction. */
  up?: (db: AppDatabase) => void;
}
