import { describe, expect, it } from 'vitest';
import { collectLatency, compareP95, HEAVY_KINDS, heavyUserReport, markdownReport, percentile } from './load-report.mjs';
import { treeOf, treeRss, vmRssBytes } from './load-rss.mjs';

describe('load-test bookkeeping', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises per kind and overall, counting errors', () => {
    const stats = collectLatency();
    stats.record('run', 10);
    stats.record('run', 30);
    stats.record('page', 5, 'page 500: boom');
    const rows = stats.summary();
    expect(rows.find((r) => r.kind === 'run')).toMatchObject({ requests: 2, errors: 0, p50: 10, p99: 30, max: 30 });
    expect(rows.find((r) => r.kind === 'all')).toMatchObject({ requests: 3, errors: 1, max: 30 });
    expect(stats.errors()).toEqual(['page 500: boom']);
  });

  it('writes the figures into the Markdown table', () => {
    const stats = collectLatency();
    stats.record('run', 12.34);
    const text = markdownReport({
      date: '2026-01-01T00:00:00Z', machine: '2 cores', users: 50, seconds: 60, elapsedS: 2, networkEvents: '1000158', scale: 6.667,
      buildStale: true, stats, warmErrors: [], rss: { start: 2 ** 20, end: 3 * 2 ** 20, peak: 4 * 2 ** 20, count: 9 }, flight: { calls: 10, executions: 4 },
    });
    expect(text).toContain('| run | 1 | 0 | 12.3 | 12.3 | 12.3 | 12.3 |');
    expect(text).toContain('peak 4 MiB');
    expect(text).toContain('10 backend query calls served by 4 executions');
    expect(text).toContain('older than the sources');
  });

  it('compares the others’ p95 with and without the heavy user, and judges all requests together', () => {
    const quiet = collectLatency();
    const busy = collectLatency();
    for (let i = 1; i <= 20; i++) {
      quiet.record('run', i * 10);
      busy.record('run', i * 15);
    }
    const cmp = compareP95(quiet, busy);
    expect(cmp.rows.find((r) => r.kind === 'run')).toMatchObject({ quiet: 190, busy: 285 });
    expect(cmp.ratio).toBeCloseTo(1.5);
    expect(cmp.ok).toBe(true);
    const slow = collectLatency();
    for (let i = 1; i <= 20; i++) slow.record('run', i * 25);
    expect(compareP95(quiet, slow)).toMatchObject({ ok: false });

    const heavy = collectLatency(HEAVY_KINDS);
    heavy.record('run-page', 420);
    heavy.record('import', 3000);
    const text = heavyUserReport({ users: 50, seconds: 60, bigRunFindings: 1_000_000, importFindings: 1_000_000, quiet, busy, heavy, rss: { peak: 5 * 2 ** 20 } });
    expect(text).toContain('| run-page | 1 | 0 | 420.0 |');
    expect(text).toContain('| run | 190.0 | 285.0 | 1.50× |');
    expect(text).toContain('1.50× their p95 without it (at most 2×): pass');
  });

  it('reads VmRSS and follows a process tree', () => {
    expect(vmRssBytes('Name:\tnode\nVmRSS:\t  2048 kB\n')).toBe(2048 * 1024);
    expect(vmRssBytes('Name:\tzombie\n')).toBe(0);
    const parents = new Map([[10, 1], [11, 10], [12, 11], [20, 1]]);
    expect(treeOf(10, parents).sort()).toEqual([10, 11, 12]);
  });

  it.runIf(process.platform === 'linux')('measures this very process', () => {
    expect(treeRss(process.pid)).toBeGreaterThan(1024 * 1024);
  });
});
