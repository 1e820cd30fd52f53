/**
 * A run of 200,000 findings against one of 200,000 before it: the review answers with SQL counts
 * and one page of 100, pages and filters by change, hides allow-listed findings (counted), and the
 * week counts every finding while listing the first ones. Correctness only: speed is measured by
 * bench/review-big.ts on a million findings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAllowEntry } from '../../appstate/allow-list';
import { resetBackend } from '../../backends';
import { bigName, seedBigRuns, type BigRuns } from '../../review/testing/big-run';
import { summarizeWeek, WEEK_LIST_LIMIT } from '../../review/week';
import { weekOfMonday } from '../../review/week-bounds';
import { weekMarkdown } from '../../review/week-markdown';
import { serverAppState } from '../process/app-state';
import { reviewRun } from './run-review';

const N = 200_000;
const NOW = '2026-01-08T12:00:00.000Z';
const saved = { ...process.env };

describe('a run of 200,000 findings', () => {
  let dir: string;
  let big: BigRuns;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-big-review-'));
    process.env = { ...saved, HUNTBOARD_DATA_DIR: dir, HUNTBOARD_NOW: NOW, HUNTBOARD_HUNTS_DIR: '' };
    delete process.env.ELASTICSEARCH_URL;
    delete process.env.ELASTICSEARCH_CLOUD_ID;
    big = seedBigRuns(serverAppState(), N);
  }, 60_000);
  afterAll(async () => {
    await resetBackend();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts every finding by change and shows the first page of 100', async () => {
    const review = (await reviewRun(big.thisWeek))!;
    expect(review.counts).toEqual({ ...big.expected, hidden: 0 });
    expect(review.previous?.id).toBe(big.lastWeek);
    expect(review.page).toMatchObject({ number: 1, size: 100, pages: 2_500, total: 250_000 });
    expect(review.findings).toHaveLength(100);
    expect(review.findings.map((f) => f.processName)).toEqual(Array.from({ length: 100 }, (_, i) => bigName(N + i)));
    expect(review.findings.every((f) => f.status === 'new' && f.runsSeen === 1 && f.triage.status === 'new')).toBe(true);
  });

  it('pages through recurring findings with their triage, and filters gone ones with last week’s row', async () => {
    const page = (await reviewRun(big.thisWeek, { filter: 'all', page: 1_500 }))!;
    expect(page.page.number).toBe(1_500);
    // New findings fill the first 50,000 places; recurring ones follow in name order from N/4.
    expect(page.findings[0]).toMatchObject({ status: 'recurring', runsSeen: 2, processName: bigName(149_900), changes: [] });
    const triaged = bigName(big.triaged[10]);
    const at = (await reviewRun(big.thisWeek, { filter: 'recurring', page: Math.floor((big.triaged[10] - N / 4) / 100) + 1 }))!;
    expect(at.findings.find((f) => f.processName === triaged)?.triage.status).toBe('benign');

    const gone = (await reviewRun(big.thisWeek, { filter: 'gone', page: 1 }))!;
    expect(gone.page).toMatchObject({ total: 50_000, pages: 500 });
    expect(gone.findings[0]).toMatchObject({ status: 'gone', runsSeen: 1, keyValues: { 'process.name': bigName(0) }, row: { connection_count: 1, 'process.name': bigName(0) } });
  });

  it('hides allow-listed findings, counts them, lists them under their own filter, and keeps a page past the end on the last', async () => {
    const db = serverAppState();
    const entry = { agentId: null, huntId: null, owner: 'lead', reason: 'known', createdAt: '2026-01-08T00:00:00.000Z', expiresAt: '2026-02-01T00:00:00.000Z' };
    expect(addAllowEntry(db, { ...entry, processName: bigName(0) }).ok).toBe(true);
    expect(addAllowEntry(db, { ...entry, processName: bigName(N + 1) }).ok).toBe(true);
    const review = (await reviewRun(big.thisWeek))!;
    expect(review.counts).toEqual({ new: big.expected.new - 1, recurring: big.expected.recurring, gone: big.expected.gone - 1, hidden: 2 });
    expect(review.findings.map((f) => f.processName)).not.toContain(bigName(N + 1));
    expect(review.suppressed.map((s) => [s.finding.processName, s.entry.reason])).toEqual([
      [bigName(N + 1), 'known'],
      [bigName(0), 'known'],
    ]);
    const hidden = (await reviewRun(big.thisWeek, { filter: 'hidden', page: 1 }))!;
    expect(hidden.page.total).toBe(2);
    expect(hidden.findings).toEqual([]);
    expect(hidden.suppressed).toHaveLength(2);
    const last = (await reviewRun(big.thisWeek, { filter: 'all', page: 99_999 }))!;
    expect(last.page).toMatchObject({ number: 2_500, total: 249_998 });
    expect(last.findings).toHaveLength(98);
    expect(last.findings.at(-1)).toMatchObject({ status: 'gone', processName: bigName(N / 4 - 1) });
  });

  it('gives the week every count and its first findings only', () => {
    const week = weekOfMonday('2026-01-05');
    if (!week.ok) throw new Error(week.message);
    const s = summarizeWeek(serverAppState(), week.week, []);
    const shown = big.expected.new - 1 + big.expected.recurring;
    expect(s.findingCount).toBe(shown);
    expect(s.perDiffStatus).toEqual({ new: big.expected.new - 1, recurring: big.expected.recurring });
    expect(s.suppressed).toBe(1);
    expect(s.findings).toHaveLength(WEEK_LIST_LIMIT);
    expect(s.perTriageStatus).toMatchObject({ benign: big.triaged.length, new: shown - big.triaged.length });
    expect(s.untriagedCount).toBe(shown - big.triaged.length);
    expect(s.untriaged).toHaveLength(WEEK_LIST_LIMIT);
    expect(s.timeToTriage).toEqual({ count: big.triaged.length, medianHours: 1, maxHours: 1 });
    const md = weekMarkdown(s);
    expect(md).toContain(`${shown} findings in the latest successful review run of each query`);
    expect(md).toContain(`…and ${shown - WEEK_LIST_LIMIT} more findings`);
    expect(md.length).toBeLessThan(100_000);
  });
});
