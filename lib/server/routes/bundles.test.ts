/** The bundle routes on states of their own: download a week, upload it elsewhere, and the page reads. */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHeaders } from '../testing/write-headers';
import type { AppDatabase } from '../../appstate/database';
import { openAppState } from '../../appstate/db';
import { bigBundleBytes } from '../../bundle/testing/big-bundle';
import { decodeBundle } from '../../bundle/format';
import { demoWeek, NOW, openWithBundles, tempDir, type DemoWeek } from '../../bundle/testing/fixture';
import { bundleRoutes, FILE_NAME_HEADER, importedBundles } from './bundles';
import { bundleEvents, bundleOfRun } from '../../bundle/imported';

const ORIGIN = 'http://127.0.0.1:3000';

function upload(route: (r: Request) => Promise<Response>, body: Uint8Array, origin: string | null = ORIGIN, name = 'week%20one.huntboard.gz') {
  return route(
    new Request(`${ORIGIN}/api/bundle/import`, {
      method: 'POST',
      body: new Uint8Array(body),
      headers: { 'content-type': 'application/gzip', [FILE_NAME_HEADER]: name, ...writeHeaders(origin) },
    }),
  );
}

describe('bundle routes', () => {
  let src: DemoWeek;
  let destDir: string;
  let dest: AppDatabase;
  let file: Uint8Array;
  const deps = (db: () => AppDatabase, s: DemoWeek, maxUploadBytes?: number) => ({
    db,
    backend: () => ({ ok: true as const, backend: s.backend }),
    now: () => NOW,
    ...(maxUploadBytes ? { maxUploadBytes } : {}),
  });

  beforeAll(async () => {
    src = await demoWeek();
    destDir = tempDir('bundle-routes');
    dest = openWithBundles(destDir);
  }, 120_000);
  afterAll(async () => {
    dest.close();
    rmSync(destDir, { recursive: true, force: true });
    await src.cleanup();
  });

  it('GET /api/bundle/export?week= downloads the week as a gzip attachment', async () => {
    const { exportRoute } = bundleRoutes(deps(() => src.db, src));
    const response = await exportRoute(new Request(`${ORIGIN}/api/bundle/export?week=2026-01-07`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/gzip');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="huntboard-week-2026-01-05.huntboard.gz"');
    file = new Uint8Array(await response.arrayBuffer());
    const decoded = decodeBundle(file);
    expect(decoded.ok && decoded.bundle.runs.map((r) => r.id)).toEqual(src.runIds);
    const bad = await exportRoute(new Request(`${ORIGIN}/api/bundle/export?week=soon`));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/YYYY-MM-DD/);
  });

  it('POST /api/bundle/import imports the file once, from this origin only', async () => {
    const { importRoute } = bundleRoutes(deps(() => dest, src));
    expect((await upload(importRoute, file, 'https://evil.example')).status).toBe(403);
    expect((await upload(importRoute, file, null)).status).toBe(403);
    expect(importedBundles(dest)).toEqual([]);
    const ok = await upload(importRoute, file);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { ok: true; summary: { bundleId: number; fileName: string; runs: { runId: number }[] } };
    expect(body.summary.fileName).toBe('week one.huntboard.gz');
    expect(body.summary.runs).toHaveLength(2);
    const again = await upload(importRoute, file);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/already imported on 2026-01-08T12:00:00.000Z/);
    const [imported] = importedBundles(dest);
    expect(imported).toMatchObject({ id: body.summary.bundleId, fileName: 'week one.huntboard.gz', importedBy: expect.any(String) });
    const runId = body.summary.runs[0]!.runId;
    expect(bundleOfRun(dest, runId)?.id).toBe(body.summary.bundleId);
    const decoded = decodeBundle(file);
    if (!decoded.ok) throw new Error(decoded.message);
    const firstEvents = decoded.bundle.events.find((e) => e.runId === src.runIds[0])!;
    expect(bundleEvents(dest, runId, firstEvents.findingKey)?.kind).toBe('events');
    expect(bundleEvents(dest, runId, '["not a finding"]')).toBeUndefined();
  });

  it('refuses junk, empty and oversized bodies with a clear message', async () => {
    const { importRoute } = bundleRoutes(deps(() => dest, src, 1024));
    const junk = await upload(importRoute, new TextEncoder().encode('<html>'));
    expect(junk.status).toBe(400);
    expect(((await junk.json()) as { error: { message: string } }).error.message).toMatch(/not gzip-compressed/);
    expect((await upload(importRoute, new Uint8Array())).status).toBe(400);
    const big = await upload(importRoute, new Uint8Array(4096));
    expect(big.status).toBe(413);
    expect(importedBundles(dest)).toHaveLength(1);
  });

  it('stores and shows an uploaded file under its display name, not the path or controls it was sent with', async () => {
    const { importRoute } = bundleRoutes(deps(() => dest, src));
    const response = await upload(importRoute, bigBundleBytes({ findings: 2, tag: 'hostile name' }), ORIGIN, '..%2F..%2Fhostile%1B%5B2J%E2%80%AE.gz');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { summary: { bundleId: number; fileName: string } };
    expect(body.summary.fileName).toBe('hostile[2J.gz');
    expect(importedBundles(dest).find((b) => b.id === body.summary.bundleId)?.fileName).toBe('hostile[2J.gz');
  });

  it('pages read nothing (not an error) from a state without the bundle tables', () => {
    const dir = tempDir('bundle-old-state');
    const old = openAppState(dir);
    try {
      expect(importedBundles(old)).toEqual([]);
      expect(bundleOfRun(old, 1)).toBeUndefined();
      expect(bundleEvents(old, 1, '["x"]')).toBeUndefined();
    } finally {
      old.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
