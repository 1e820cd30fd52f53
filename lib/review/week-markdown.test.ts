import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppState } from '../appstate/db';
import { summarizeWeek } from './week';
import { weekOfMonday } from './week-bounds';
import { type WeekFinding, type WeekSummary } from '../model/week';
import { HOSTILE, HUNTS, seedWeeks } from './testing/week';
import { markdownCell, weekMarkdown, weekReportFileName } from './week-markdown';
import { signOffWeek } from './week-signoff';

const W = { monday: '2026-11-23', from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' };

function summary(over: Partial<WeekSummary> = {}): WeekSummary {
  return {
    week: W,
    runs: [],
    queries: [],
    findings: [],
    findingCount: 0,
    findingRuns: [],
    perTriageStatus: { new: 0, investigating: 0, benign: 0, suspicious: 0, escalated: 0 },
    perDiffStatus: { new: 0, recurring: 0 },
    suppressed: 0,
    untriaged: [],
    untriagedCount: 0,
    gone: [],
    goneCount: 0,
    hidden: [],
    timeToTriage: { count: 0, medianHours: null, maxHours: null },
    reviewers: [],
    signOff: { kind: 'unsigned' },
    ...over,
  };
}

const hostileFinding: WeekFinding = {
  huntId: 'seed',
  huntName: 'Hunt <script>',
  queryNumber: 1,
  queryLabel: 'All | users',
  runId: 7,
  key: JSON.stringify([HOSTILE]),
  keyValues: { 'process.name': HOSTILE },
  diffStatus: 'new',
  triage: 'new',
  assignee: '@mallory',
  untriaged: true,
};

/** The cells of a GFM table row: split on pipes not escaped by a backslash. */
const cells = (line: string) => line.slice(2, -2).split(/(?<!\\) \| /);

describe('markdownCell', () => {
  it('escapes table, code, HTML and emphasis syntax', () => {
    expect(markdownCell('a|b')).toBe('a\\|b');
    expect(markdownCell('`rm -rf`')).toBe('\\`rm -rf\\`');
    expect(markdownCell('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(markdownCell('[click](http://evil)')).toBe('\\[click\\](http://evil)');
    expect(markdownCell('*_~')).toBe('\\*\\_\\~');
    expect(markdownCell('&lt;')).toBe('&amp;lt;');
    expect(markdownCell('a\\|b')).toBe('a\\\\\\|b');
  });

  it('spells out newlines, controls and bidi characters, and neutralises formulas', () => {
    expect(markdownCell('a\nb\r\u0007\u202e')).toBe('a\\nb\\r\\x07\\u202e');
    expect(markdownCell('=cmd|calc')).toBe("'=cmd\\|calc");
    for (const start of ['+', '-', '@']) expect(markdownCell(`${start}x`)).toBe(`'${start}x`);
    expect(markdownCell('x=1')).toBe('x=1');
  });
});

describe('weekMarkdown', () => {
  it('keeps a hostile finding inside its own row and cell', () => {
    const md = weekMarkdown(summary({ findings: [hostileFinding], findingCount: 1, untriaged: [hostileFinding], untriagedCount: 1, perTriageStatus: { new: 1, investigating: 0, benign: 0, suspicious: 0, escalated: 0 }, perDiffStatus: { new: 1, recurring: 0 } }));
    const row = md.split('\n').find((l) => l.startsWith('| Hunt &lt;script&gt;'));
    expect(row).toBeDefined();
    expect(cells(row ?? '')).toEqual(['Hunt &lt;script&gt;', 'All \\| users (#1)', 'evil\\|\\`x\\`&lt;b&gt;\\n=cmd\\u202e', 'new', 'new (untriaged)', "'@mallory"]);
    expect(md).not.toMatch(/[\u202e\u0007]/);
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('<script>');
    expect(md).toContain('1 still untriaged (marked "untriaged" below).');
    // One findings table: the untriaged are marked in it, not listed again.
    expect(md.split('\n').filter((l) => l.startsWith('| Hunt &lt;script&gt;'))).toHaveLength(1);
  });

  it('neutralises a key value that starts like a formula', () => {
    const f = { ...hostileFinding, keyValues: { 'process.name': '=HYPERLINK("x")', 'agent.id': '-1' } };
    const row = weekMarkdown(summary({ findings: [f], findingCount: 1 })).split('\n').find((l) => l.includes('HYPERLINK')) ?? '';
    expect(cells(row)[2]).toBe("process.name: '=HYPERLINK(\"x\"); agent.id: '-1");
  });

  it('renders the seeded week with every section, deterministically', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-week-md-'));
    const db = openAppState(dir);
    try {
      seedWeeks(db);
      signOffWeek(db, '2026-11-23', 'lead|x', '2026-11-27T17:00:00Z', 'ok `done`');
      const parsed = weekOfMonday('2026-11-23');
      if (!parsed.ok) throw new Error(parsed.message);
      const md = weekMarkdown(summarizeWeek(db, parsed.week, HUNTS));
      expect(md).toBe(weekMarkdown(summarizeWeek(db, parsed.week, HUNTS)));
      expect(md.startsWith('# Huntboard weekly review, week of 2026-11-23\n')).toBe(true);
      expect(md.match(/^## .+$/gm)).toEqual(['## Runs', '## Findings', '## Gone', '## Time to triage', '## Reviewers', '## Sign-off']);
      expect(md).toContain('| Other hunt | Query 1 (#1) | 0 |  | did not run |  |');
      expect(md).toContain('| Low volume connections | All users (#1) | 2 | run 3, 2026-11-25T10:00:00Z | truncated (the list may be incomplete) | 3 |');
      expect(md).toContain('| Low volume connections | Root only (#2) | 2 | run 5, 2026-11-24T06:00:00Z | failed: cluster down |  |');
      expect(md).toContain('| escalated | 1 |');
      expect(md).toContain('4 findings in the latest successful review run of each query: 2 new, 2 recurring against the review run before it.');
      expect(md).toContain('| Low volume connections | Root only (#2) | xmrig | new | new (untriaged) |  |');
      // The hostile name was in run 2, not in run 3: gone, listed with its triage.
      expect(md).toContain('1 findings of the review run before each query\'s latest are not in it.');
      expect(md).toContain('| Low volume connections | All users (#1) | evil\\|\\`x\\`&lt;b&gt;\\n=cmd\\u202e | gone | benign | carol |');
      expect(md).toContain('- Median: 3.0 h\n- Max: 34.0 h');
      expect(md).toContain('| alice | 2 |');
      expect(md).toContain('Signed off by lead\\|x at 2026-11-27T17:00:00Z.\n\nNote: ok \\`done\\`');
      expect(md.endsWith('\n')).toBe(true);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so when nothing happened', () => {
    const md = weekMarkdown(summary({ signOff: { kind: 'unsigned' } }));
    expect(md).toContain('No hunt ran this week');
    expect(md).toContain('Every finding has been triaged.');
    expect(md).toContain('No triage changes this week.');
    expect(md).toContain('- Median: n/a');
    expect(md).toContain('Not signed off.');
    expect(md).toContain('0 findings in the latest successful review run of each query: 0 new, 0 recurring against the review run before it.');
    expect(weekMarkdown(summary({ suppressed: 2 }))).toContain('0 new, 0 recurring against the review run before it; 2 more hidden by the allow-list.');
  });

  it('names the file after the week', () => {
    expect(weekReportFileName('2026-11-23')).toBe('huntboard-week-2026-11-23.md');
  });
});
