/**
 * One transaction around several app-state writes a domain module needs atomically (a password
 * change and the end of that user's sessions; a bundle's final publish). The domain keeps the
 * decision of what goes together; the statements stay in lib/appstate's table modules.
 *
 * 'immediate' takes the write lock at once: a transaction that reads before it writes then cannot
 * fail half-way with SQLITE_BUSY when another connection wrote in between. Called inside another
 * transaction, it nests as a savepoint (better-sqlite3), so a table module's own transaction composes.
 */
import 'server-only';
import type { AppDatabase } from './database';

export type TransactionMode = 'deferred' | 'immediate';

export function inTransaction<T>(db: AppDatabase, fn: () => T, mode: TransactionMode = 'deferred'): T {
  const run = db.transaction(fn);
  return mode === 'immediate' ? run.immediate() : run();
}
