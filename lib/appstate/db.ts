/**
 * The app state: one SQLite file under HUNTBOARD_DATA_DIR, in WAL mode with full fsync, so a
 * write that returned survives a kill. Opening it applies pending migrations.
 */
import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AppDatabase } from './database';
import { MIGRATIONS, type Migration } from './migrations';

export const APP_STATE_FILE = 'huntboard.sqlite';

export class AppStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AppStateError';
  }
}

/**
 * A write that failed for want of disk, SQLite's or the file system's words for it: full
 * (SQLITE_FULL, ENOSPC, EDQUOT) or failing (SQLITE_IOERR_*, EIO; SQLite reports a full disk so when
 * a write or fsync of the journal fails). `cause` is worded for the analyst, without a path.
 */
export type StorageFailure = { kind: 'full' | 'io'; code: string; cause: string };

export function storageFailure(e: unknown): StorageFailure | undefined {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return undefined;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return { kind: 'full', code, cause: "the server's disk is full" };
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return { kind: 'io', code, cause: `the server could not write to its disk (${code}; it may be full or failing)` };
  return undefined;
}

export function openAppState(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): AppDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, APP_STATE_FILE));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Applies the migrations newer than the file's version; refuses a file written by a newer Huntboard. */
export function migrate(db: AppDatabase, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  const current = row.version ?? 0;
  const latest = migrations.reduce((n, m) => Math.max(n, m.version), 0);
  if (current > latest) {
    throw new AppStateError(`The app state is at schema version ${current}, newer than this Huntboard knows (${latest}); upgrade Huntboard.`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.up?.(db);
      record.run(m.version, m.name, new Date().toISOString());
    })();
  }
  return latest;
}
