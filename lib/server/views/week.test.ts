import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppState } from '../../appstate/db';
import type { AppDatabase } from '../../appstate/database';
import { loadCatalogue } from '../../hunts/catalogue';
import { huntRefs, weekView } from './week';

const saved = { ...process.env };

describe('weekView', () => {
  let dir: string;
  let db: AppDatabase;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-week-view-'));
    process.env = { ...saved, HUNTBOARD_HUNTS_DIR: '' };
    db = openAppState(dir);
  });
  afterAll(() => {
    process.env = saved;
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('defaults to the week the server’s now falls in, with its neighbours', async () => {
    const view = await weekView(undefined, db, new Date('2026-11-29T04:45:00Z'));
    expect(view).toMatchObject({ kind: 'ok', previousWeek: '2026-11-16', nextWeek: '2026-11-30', isCurrent: true, isFuture: false, record: { kind: 'live', summary: { week: { monday: '2026-11-23' } } } });
  });

  it('reads a named Monday, past or future, and refuses anything else', async () => {
    const now = new Date('2026-11-29T04:45:00Z');
    expect(await weekView('2026-11-02', db, now)).toMatchObject({ kind: 'ok', isCurrent: false, isFuture: false, record: { summary: { week: { monday: '2026-11-02' } } } });
    expect(await weekView('2026-12-07', db, now)).toMatchObject({ kind: 'ok', isCurrent: false, isFuture: true });
    // Any other day names its week: the page moves to the week's Monday.
    expect(await weekView('2026-11-29', db, now)).toEqual({ kind: 'moved', week: '2026-11-23' });
    expect(await weekView('2026-02-30', db, now)).toMatchObject({ kind: 'invalid', message: expect.stringContaining('calendar') });
    expect(await weekView('next', db, now)).toMatchObject({ kind: 'invalid' });
  });

  it('lists every runnable query of the catalogue as not run in an empty week, labelled like the hunt page', async () => {
    const catalogue = await loadCatalogue();
    const refs = huntRefs(catalogue.hunts);
    const view = await weekView('2026-11-23', db, new Date('2026-11-29T04:45:00Z'));
    if (view.kind !== 'ok') throw new Error(view.kind);
    const expected = refs.reduce((n, h) => n + h.queries.length, 0);
    expect(expected).toBeGreaterThan(0);
    expect(view.record.summary.queries).toHaveLength(expected);
    expect(view.record.summary.queries.every((q) => q.kind === 'did-not-run')).toBe(true);
    expect(refs.flatMap((h) => h.queries.map((q) => q.label))).toContain('Root only');
    expect(view.record.summary.signOff).toEqual({ kind: 'unsigned' });
  });
});
