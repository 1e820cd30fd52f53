/**
 * Test fixture: a demo store in a temp dir, the embedded engine over it, and an app state with
 * the seed hunt's runs of two weeks (last week's outside the exported one), some of them triaged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAppState } from '../../appstate/db';
import type { AppDatabase } from '../../appstate/database';
import { runAndSave } from '../../hunts/run/record';
import { createEmbeddedBackend } from '../../backends/embedded';
import type { Backend } from '../../backends/types';
import { writeDemo } from '../../demo';
import { loadCatalogue } from '../../hunts/catalogue';
import type { Hunt } from '../../hunts/types';
import type { WeekBounds } from '../../model/week';
import { openStore } from '../../store';

export const NOW = new Date('2026-01-08T12:00:00.000Z');
export const WEEK: WeekBounds = { monday: '2026-01-05', from: '2026-01-05T00:00:00.000Z', to: '2026-01-12T00:00:00.000Z' };
const LAST_WEEK = { id: 'custom' as const, from: '2025-12-25T12:00:00.000Z', to: '2026-01-01T12:00:00.000Z' };
const THIS_WEEK = { id: 'custom' as const, from: '2026-01-01T12:00:00.000Z', to: '2026-01-08T12:00:00.000Z' };

export interface DemoWeek {
  dir: string;
  db: AppDatabase;
  backend: Backend;
  hunt: Hunt;
  /** Local ids of this week's runs (the exported ones). */
  runIds: number[];
  cleanup(): Promise<void>;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `huntboard-${prefix}-`));
}

export function openWithBundles(dir: string): AppDatabase {
  return openAppState(dir);
}

export async function demoWeek(): Promise<DemoWeek> {
  const dir = tempDir('bundle-src');
  await writeDemo(openStore(dir), { now: NOW, scale: 0.05, weeks: 2 });
  const backend = createEmbeddedBackend({ dataDir: dir, now: NOW });
  const catalogue = await loadCatalogue({ huntsDir: '' });
  const hunt = catalogue.hunts.find((h) => h.id.startsWith('low_volume_external'))!;
  const db = openWithBundles(dir);
  const runIds: number[] = [];
  const last = await runAndSave(db, backend, hunt, 1, { now: NOW, trigger: 'cli', window: LAST_WEEK });
  db.prepare('UPDATE runs SET started_at = ? WHERE id = ?').run('2026-01-01T12:00:00.000Z', last.saved!.id);
  for (const query of [1, 2]) {
    const { saved } = await runAndSave(db, backend, hunt, query, { now: NOW, trigger: 'schedule', window: THIS_WEEK });
    db.prepare('UPDATE runs SET started_at = ? WHERE id = ?').run(`2026-01-08T12:00:0${query}.000Z`, saved!.id);
    runIds.push(saved!.id);
  }
  return {
    dir,
    db,
    backend,
    hunt,
    runIds,
    async cleanup() {
      db.close();
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
