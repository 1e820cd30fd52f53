/** A run's review says which run it was compared with, and how runs were saved (issue 14). */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DiffSummary, type DiffSummaryProps } from './DiffSummary';
import { triggerLabel, utcMinute } from '@/lib/view/review/run-labels';

const counts = { new: 2, recurring: 14, gone: 1, hidden: 0 };
const render = (props: DiffSummaryProps) => renderToStaticMarkup(createElement(DiffSummary, props)).replace(/<!-- -->/g, '');

describe('DiffSummary', () => {
  it('names the previous review run of the query text: its id, its time in UTC and how it was saved', () => {
    const html = render({ previous: { id: 12, trigger: 'schedule', startedAt: '2026-01-05T09:00:00.000Z' }, compared: 1, counts });
    expect(html).toContain('Compared with <a href="/runs/12">run #12</a> of <time dateTime="2026-01-05T09:00:00.000Z">2026-01-05 09:00 UTC</time> (weekly schedule), the previous review run of this query text:');
    expect(html).toContain('<strong>2</strong> new, <strong>14</strong> recurring, <strong>1</strong> gone.');
    expect(html).not.toContain('earlier run');
  });

  it('says how many earlier runs "runs seen" also counts', () => {
    expect(render({ previous: { id: 12, trigger: 'page', startedAt: '2026-01-05T09:00:00.000Z' }, compared: 4, counts })).toContain('(saved from the page), the previous review run of this query text; runs seen also count 3 earlier runs:');
    expect(render({ previous: { id: 12, trigger: 'cli', startedAt: '2026-01-05T09:00:00.000Z' }, compared: 2, counts })).toContain('; runs seen also count 1 earlier run:');
  });

  it('with no earlier review run of the text: everything is new, and says so', () => {
    const html = render({ compared: 0, counts: { new: 5, recurring: 0, gone: 0, hidden: 2 } });
    expect(html).toContain('First run of this query text: everything is new. <strong>5</strong> new');
    expect(html).toContain('; <strong>2</strong> hidden by the allow-list.');
  });
});

describe('run labels', () => {
  it('names each trigger as the review means it: page is an explicit save, never a page view', () => {
    expect(triggerLabel('page')).toBe('saved from the page');
    expect(triggerLabel('cli')).toBe('saved by hunts run --save');
    expect(triggerLabel('schedule')).toBe('weekly schedule');
    expect(triggerLabel('other')).toBe('other');
  });

  it('shows a time to the minute in UTC, anything else as it is', () => {
    expect(utcMinute('2026-01-05T09:00:59.999Z')).toBe('2026-01-05 09:00 UTC');
    expect(utcMinute('not a time')).toBe('not a time');
  });
});
