import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { APIRequestContext } from '@playwright/test';
import { E2E_NOW } from '../playwright.config';
import { test, expect } from './fixtures';
import { rawWriteHeaders } from './support/csrf';
import { startSecondServer } from './support/second-server';

// Named to run after week.spec.ts, which signs this week off and then changes triage and the
// allow-list: the bundle then carries a signed week with changes since. Run alone, it signs itself.
const WEEK = '2026-01-05';

interface BundleDoc {
  runs: { id: number; status: string }[];
  events: { runId: number; findingKey: string }[];
}

async function json(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return response.json();
}

/** Every page of a run's review, without what says where the run came from (a bundle, or not). */
async function review(request: APIRequestContext, base: string, runId: number) {
  const pages: unknown[] = [];
  for (let page = 1; ; page++) {
    const { bundle: _bundle, ...answer } = await json(request, `${base}/api/runs/${runId}?page=${page}`);
    pages.push(answer);
    if (page >= answer.page.pages) return pages;
  }
}

async function events(request: APIRequestContext, base: string, runId: number, findingKey: string) {
  const response = await request.post(`${base}/api/runs/${runId}/events`, { data: { key: JSON.parse(findingKey) }, headers: rawWriteHeaders(base) });
  const answer = await response.json();
  expect(answer.ok, `${base} run ${runId} ${findingKey}: ${JSON.stringify(answer.error)}`).toBe(true);
  return answer.result.values as unknown[][];
}

test('an exported week, imported into an empty Huntboard, answers as at the source: the runs, the week and every finding’s events', async ({ request, baseURL }) => {
  test.setTimeout(180_000);
  const source = baseURL!;
  const week = await json(request, `${source}/api/week?week=${WEEK}`);
  if (week.record.kind !== 'snapshot') {
    const signed = await request.post(`${source}/api/week/signoff`, { data: { week: WEEK, untriaged: week.record.summary.untriagedCount }, headers: rawWriteHeaders(source) });
    expect(signed.status()).toBe(200);
  }
  const exported = await request.get(`${source}/api/bundle/export?week=${WEEK}`);
  expect(exported.status()).toBe(200);
  const bytes = await exported.body();
  const bundle = JSON.parse(gunzipSync(bytes).toString('utf8')) as BundleDoc;
  expect(bundle.runs.length).toBeGreaterThan(1);
  expect(bundle.events.length).toBeGreaterThan(10);

  // Another Huntboard with an empty data folder and the same hunt files: nothing to query, the bundle is all it knows.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-record-target-'));
  const other = await startSecondServer(3113, dataDir, { HUNTBOARD_NOW: E2E_NOW, HUNTBOARD_HUNTS_DIR: path.resolve(__dirname, 'hunts') });
  try {
    const imported = await request.post(`${other.base}/api/bundle/import`, {
      data: bytes,
      headers: { ...rawWriteHeaders(other.base), 'content-type': 'application/gzip', 'x-bundle-file-name': `huntboard-week-${WEEK}.huntboard.gz` },
    });
    expect(imported.status(), await imported.text()).toBe(200);
    const { summary } = await imported.json();
    // The runs keep the numbers the source's team knows them by.
    expect(summary.runs.map((r: { runId: number }) => r.runId)).toEqual(bundle.runs.map((r) => r.id));

    const there = await json(request, `${source}/api/week?week=${WEEK}`);
    const here = await json(request, `${other.base}/api/week?week=${WEEK}`);
    expect(here.record.kind).toBe('snapshot');
    expect(here).toEqual(there);

    for (const run of bundle.runs) expect(await review(request, other.base, run.id)).toEqual(await review(request, source, run.id));

    let compared = 0;
    for (const e of bundle.events) {
      const atSource = await events(request, source, e.runId, e.findingKey);
      const atTarget = await events(request, other.base, e.runId, e.findingKey);
      expect(atTarget.length, `${e.runId} ${e.findingKey}`).toBe(atSource.length);
      expect(atSource.length).toBeGreaterThan(0);
      compared++;
    }
    expect(compared).toBe(bundle.events.length);

    // The clock-skew fixture's one event is an hour after the run's now: the run counted it, and
    // after the round trip its review still dates it and its events page still shows it.
    const skewed = bundle.events.find((e) => e.findingKey === '["ntpd-drift"]');
    expect(skewed).toBeDefined();
    expect(await events(request, other.base, skewed!.runId, skewed!.findingKey)).toHaveLength(1);
    const reviewed = await json(request, `${other.base}/api/runs/${skewed!.runId}`);
    expect(reviewed.firstSeen.byName['ntpd-drift'].fleet).toBe('2026-01-08T13:00:00.000Z');
  } finally {
    other.process.kill('SIGKILL');
    await other.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});
