/**
 * Fault (issue 13): the server's disk is full. Every write route answers a JSON error — 507
 * `disk_full`, "the server's disk is full: the change was not saved" — never Next's empty 500; a
 * "Save as run" that could not be saved says so in its 200 answer. The disk is not filled: the app
 * state's write statements are made to throw SQLite's own error (SqliteError, SQLITE_FULL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST as addAllow } from '@/app/api/allow-list/route';
import { POST as revokeAllow } from '@/app/api/allow-list/revoke/route';
import { POST as saveRun } from '@/app/api/hunts/[id]/queries/[n]/save/route';
import { POST as postTriage } from '@/app/api/triage/route';
import { DELETE as revokeSignOff, POST as signOff } from '@/app/api/week/signoff/route';
import type { SaveRunResponse } from '../../model/api';
import { migrate } from '../../appstate/db';
import type { AppDatabase } from '../../appstate/database';
import { resetBackend } from '../../backends';
import { bigBundleBytes } from '../../bundle/testing/big-bundle';
import { writeDemo } from '../../demo';
import { openStore } from '../../store';
import { serverAppState } from '../process/app-state';
import { bundleRoutes, FILE_NAME_HEADER } from './bundles';
import { TEST_ORIGIN, writeHeaders } from '../testing/write-headers';

const NOW = '2026-01-08T12:00:00.000Z';
const HUNT = 'low_volume_external_network_connections_from_process';
const saved = { ...process.env };
const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i;

/** Write statements of `db` throw SQLite's error with `code`; reads work. */
function failWrites(db: AppDatabase, code: string, message: string) {
  const prepare = db.prepare.bind(db);
  const fail = () => {
    throw new Database.SqliteError(message, code);
  };
  return vi.spyOn(db, 'prepare').mockImplementation(((sql: string) => {
    const statement = prepare(sql);
    if (!WRITE.test(sql)) return statement;
    return new Proxy(statement, {
      get(target, key) {
        if (key === 'run' || key === 'get' || key === 'all' || key === 'iterate') return fail;
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }) as AppDatabase['prepare']);
}

function post(url: string, body: unknown, method = 'POST'): Request {
  return new Request(`${TEST_ORIGIN}${url}`, { method, headers: { 'content-type': 'application/json', ...writeHeaders() }, body: JSON.stringify(body) });
}

/** Each write, to a finding and week of its own per `tag` so that no earlier write makes it a conflict. */
const WRITES: [string, (tag: 'a' | 'b') => Promise<Response>][] = [
  ['triage', (tag) => postTriage(post('/api/triage', { huntId: HUNT, queryNumber: 1, findingKey: `["xmrig-${tag}"]`, expectedVersion: 0, status: 'investigating' }))],
  ['allow-list add', () => addAllow(post('/api/allow-list', { processName: 'xmrig', agentId: null, huntId: null, reason: 'lab', expiresAt: '2026-02-01T00:00:00Z' }))],
  ['sign-off', (tag) => signOff(post('/api/week/signoff', { week: tag === 'a' ? '2025-12-29' : '2026-01-05', untriaged: 0 }))],
];

describe('a full disk under the write routes', () => {
  let dataDir: string;
  let db: AppDatabase;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-disk-full-'));
    await writeDemo(openStore(dataDir), { now: new Date(NOW), scale: 0.01, weeks: 1 });
    await resetBackend();
    for (const k of Object.keys(process.env)) if (k.startsWith('ELASTICSEARCH_')) delete process.env[k];
    Object.assign(process.env, { HUNTBOARD_DATA_DIR: dataDir, HUNTBOARD_NOW: NOW, HUNTBOARD_HUNTS_DIR: '', HUNTBOARD_USER: 'lena' });
    db = serverAppState();
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    await resetBackend();
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the routes write when the disk has room', async () => {
    for (const [, send] of WRITES) expect((await send('a')).status).toBe(200);
  });

  it.each(WRITES.map(([name, send]) => [name, send] as const))('%s: 507 with a JSON body saying the change was not saved', async (_name, send) => {
    failWrites(db, 'SQLITE_FULL', 'database or disk is full');
    const response = await send('b');
    expect(response.status).toBe(507);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      ok: false,
      error: { kind: 'disk_full', message: "the server's disk is full: the change was not saved.", hint: expect.stringContaining('HUNTBOARD_DATA_DIR') },
    });
  });

  it('revoking a sign-off and an allow-list entry: the same', async () => {
    failWrites(db, 'SQLITE_FULL', 'database or disk is full');
    for (const response of [await revokeSignOff(post('/api/week/signoff', { week: '2025-12-29' }, 'DELETE')), await revokeAllow(post('/api/allow-list/revoke', { id: 1 }))]) {
      expect(response.status).toBe(507);
      expect(await response.json()).toMatchObject({ ok: false, error: { kind: 'disk_full' } });
    }
  });

  it('an I/O error from SQLite (SQLITE_IOERR_WRITE) is the same class, named', async () => {
    failWrites(db, 'SQLITE_IOERR_WRITE', 'disk I/O error');
    const response = await WRITES[0][1]('b');
    expect(response.status).toBe(507);
    expect(await response.json()).toMatchObject({ error: { kind: 'disk_full', message: 'the server could not write to its disk (SQLITE_IOERR_WRITE; it may be full or failing): the change was not saved.' } });
  });

  it('any other exception: 500 with a JSON internal error, no stack, no path', async () => {
    vi.spyOn(db, 'prepare').mockImplementation(() => {
      throw new TypeError(`cannot read ${dataDir}/secret`);
    });
    const response = await WRITES[0][1]('b');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ ok: false, error: { kind: 'internal', message: 'The server failed while answering.' } });
    expect(text).not.toContain(dataDir);
    expect(text).not.toContain('TypeError');
  });

  it('"Save as run" that cannot be saved answers its rows and says it was not saved', async () => {
    failWrites(db, 'SQLITE_FULL', 'database or disk is full');
    const response = await saveRun(new Request(`${TEST_ORIGIN}/api`, { method: 'POST', headers: writeHeaders(), body: '{}' }), { params: Promise.resolve({ id: HUNT, n: '1' }) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as SaveRunResponse;
    if (!body.ok) throw new Error(body.error.message);
    expect(body.result.values.length).toBeGreaterThan(0);
    expect(body.savedRun).toBeUndefined();
    expect(body.notSaved).toBe("this run was not saved: the server's disk is full");
  });

  it('a bundle import: 507, nothing imported', async () => {
    // An in-memory state: the import runs on this thread, where the failing statements are.
    const memory = new Database(':memory:');
    migrate(memory);
    const { importRoute } = bundleRoutes({ db: () => memory, backend: () => ({ ok: false, error: { kind: 'internal', message: 'unused' } }), now: () => new Date(NOW) });
    failWrites(memory, 'SQLITE_FULL', 'database or disk is full');
    const response = await importRoute(
      new Request(`${TEST_ORIGIN}/api/bundle/import`, { method: 'POST', body: new Uint8Array(bigBundleBytes({ findings: 3, tag: 'disk-full' })), headers: { 'content-type': 'application/gzip', [FILE_NAME_HEADER]: 'w.huntboard.gz', ...writeHeaders() } }),
    );
    expect(response.status).toBe(507);
    expect(await response.json()).toEqual({ ok: false, error: { kind: 'disk_full', message: "the server's disk is full: the change was not saved; nothing was imported." } });
    vi.restoreAllMocks();
    expect(memory.prepare('SELECT COUNT(*) AS n FROM bundles').get()).toEqual({ n: 0 });
    memory.close();
  });
});
