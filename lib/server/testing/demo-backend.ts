/**
 * Route tests over the embedded demo store: a small demo store in a temp folder becomes the
 * server's backend for the file's tests (no cluster settings, built-in hunts, a pinned now), and
 * the environment and backend are restored after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { resetBackend } from '../../backends';
import { writeDemo } from '../../demo';
import { openStore } from '../../store';

export const DEMO_NOW = '2026-01-08T12:00:00.000Z';

export function useDemoBackend(prefix: string, now: string = DEMO_NOW): { dataDir: () => string } {
  const saved = { ...process.env };
  let dataDir = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), `huntboard-${prefix}-`));
    await writeDemo(openStore(dataDir), { now: new Date(now), scale: 0.05, weeks: 2 });
    await resetBackend();
    for (const k of Object.keys(process.env)) if (k.startsWith('ELASTICSEARCH_')) delete process.env[k];
    Object.assign(process.env, { HUNTBOARD_DATA_DIR: dataDir, HUNTBOARD_NOW: now, HUNTBOARD_HUNTS_DIR: '' });
  });
  afterAll(async () => {
    await resetBackend();
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { dataDir: () => dataDir };
}
