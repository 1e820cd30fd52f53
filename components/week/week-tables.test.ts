import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { QueryWeek, WeekChanges, WeekFinding, WeekSummary } from '@/lib/model/week';
import { ChangesSince } from './ChangesSince';
import { FindingsTable, ReviewersTable, RunsTable, StatusCounts } from './WeekTables';

const HOSTILE = '<img src=x onerror=alert(1)>|\u202e\n';

const finding: WeekFinding = {
  huntId: 'seed',
  huntName: HOSTILE,
  queryNumber: 2,
  queryLabel: 'Root only',
  runId: 9,
  key: '["x"]',
  keyValues: { 'process.name': HOSTILE, 'agent.id': 'a1' },
  diffStatus: 'new',
  triage: 'suspicious',
  assignee: null,
  untriaged: false,
};

describe('week tables', () => {
  it('names the runs table and shows every outcome, hostile text inert', () => {
    const queries: QueryWeek[] = [
      { kind: 'did-not-run', huntId: 'a', huntName: 'A', queryNumber: 1, queryLabel: 'Query 1' },
      { kind: 'ran', huntId: 'b', huntName: 'B', queryNumber: 1, queryLabel: 'All users', runCount: 3, latest: { runId: 4, startedAt: '2026-11-24T06:00:00Z', outcome: { kind: 'failed', message: HOSTILE } } },
      { kind: 'ran', huntId: 'c', huntName: 'C', queryNumber: 1, queryLabel: 'All users', runCount: 1, latest: { runId: 5, startedAt: '2026-11-24T06:00:00Z', outcome: { kind: 'truncated', rows: 100 } } },
    ];
    const html = renderToStaticMarkup(createElement(RunsTable, { queries }));
    expect(html).toContain('aria-label="Runs this week"');
    expect(html).toContain('did not run');
    expect(html).toContain('href="/runs/4"');
    expect(html).toContain('failed: &lt;img src=x onerror=alert(1)&gt;|<span class="cell-escape"');
    expect(html).toContain('truncated: the list may be incomplete');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('\u202e');
  });

  it('lists findings with their key values, diff and triage status', () => {
    const html = renderToStaticMarkup(createElement(FindingsTable, { findings: [finding], label: 'Findings this week' }));
    expect(html).toContain('aria-label="Findings this week"');
    expect(html).toContain('agent.id: a1');
    expect(html).toContain('triage-suspicious');
    expect(html).toContain('unassigned');
    expect(html).not.toContain('<img');
  });

  it('links each finding to its review row and its events, and marks the untriaged', () => {
    const untriaged = { ...finding, triage: 'new' as const, untriaged: true };
    const links = { '["seed",2,"[\\"x\\"]"]': { review: '/runs/9?status=new', events: '/hunts/seed/events?q=2' } };
    const html = renderToStaticMarkup(createElement(FindingsTable, { findings: [untriaged], label: 'Findings this week', links }));
    expect(html).toContain('href="/runs/9?status=new"');
    expect(html).toContain('href="/hunts/seed/events?q=2">Events and triage</a>');
    expect(html).toContain('untriaged');
  });

  it('lists what changed since the sign-off, from → to, hostile text inert', () => {
    const changes: WeekChanges = {
      findings: [{ finding, fields: [{ field: 'triage', from: 'new (untriaged)', to: 'benign' }, { field: 'suppression', from: 'shown', to: 'hidden by the allow-list' }] }],
      lateRuns: [{ id: 12, startedAt: '2026-11-28T06:00:00Z', huntId: 'seed', queryNumber: 1 }],
      missingRuns: [],
      figures: [{ name: 'untriaged', from: 16, to: 15 }],
      partial: false,
    };
    const html = renderToStaticMarkup(createElement(ChangesSince, { changes, links: {} }));
    expect(html).toContain('aria-label="Changed since sign-off"');
    expect(html).toContain('triage: new (untriaged) → benign');
    expect(html).toContain('allow-list: shown → hidden by the allow-list');
    expect(html).toContain('href="/runs/12"');
    expect(html).toContain('untriaged: 16 → 15');
    expect(html).not.toContain('<img');
    const none = renderToStaticMarkup(createElement(ChangesSince, { changes: { findings: [], lateRuns: [], missingRuns: [], figures: [], partial: false }, links: {} }));
    expect(none).toContain('Nothing has changed since the sign-off.');
  });

  it('names the per-status and reviewers tables', () => {
    const perTriageStatus: WeekSummary['perTriageStatus'] = { new: 4, investigating: 0, benign: 2, suspicious: 1, escalated: 0 };
    const counts = renderToStaticMarkup(createElement(StatusCounts, { summary: { perTriageStatus } as WeekSummary }));
    expect(counts).toContain('aria-label="Findings per status"');
    expect(counts).toContain('<th scope="row">new</th><td class="num">4</td>');
    const reviewers = renderToStaticMarkup(createElement(ReviewersTable, { reviewers: [{ who: HOSTILE, changes: 3 }] }));
    expect(reviewers).toContain('aria-label="Reviewers"');
    expect(reviewers).toContain('<td class="num">3</td>');
    expect(reviewers).not.toContain('<img');
    expect(renderToStaticMarkup(createElement(ReviewersTable, { reviewers: [] }))).toContain('No triage changes this week.');
  });
});
