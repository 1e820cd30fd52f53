/** Test helper: a fresh app state with the auth migration, in a temporary directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAppState } from '../../appstate/db';
import type { AppDatabase } from '../../appstate/database';
import { MIGRATIONS } from '../../appstate/migrations';

export function authTestDb(): { db: AppDatabase; dir: string; dispose(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-auth-'));
  const db = openAppState(dir, MIGRATIONS);
  return {
    db,
    dir,
    dispose() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
