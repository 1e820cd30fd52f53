import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { EsqlValue } from '@/lib/model/esql';
import { CellValue } from './CellValue';

const cell = (value: EsqlValue, type = 'keyword') => renderToStaticMarkup(createElement(CellValue, { value, type }));

describe('look-alike badges on cell values', () => {
  it('badges сurl with the code point in its accessible name, after the unchanged value', () => {
    const html = cell('\u0441url');
    expect(html.startsWith('\u0441url<span class="lookalike-badge" role="img"')).toBe(true);
    expect(html).toContain('aria-label="Look-alike of curl: U+0441 Cyrillic. Mixed scripts (Latin and Cyrillic) in one name: U+0441 Cyrillic"');
    expect(html).toContain('data-label="look-alike of curl +1"');
    // The label is drawn by CSS: the cell's text is the value alone.
    expect(html).not.toMatch(/>[^<]*look-alike/);
  });

  it('gives plain ASCII, numbers, dates and IPs no badge', () => {
    expect(cell('curl')).toBe('curl');
    expect(cell(42, 'long')).not.toContain('lookalike-badge');
    expect(cell('2026-01-08T00:00:00.000Z', 'date')).not.toContain('lookalike-badge');
    expect(cell('2a0b:4d07:2::3', 'ip')).not.toContain('lookalike-badge');
  });

  it('badges each value of a multi-value on its own', () => {
    const html = cell(['bash', '\u0455sh']);
    expect(html.match(/lookalike-badge/g)).toHaveLength(1);
    expect(html).toContain('Look-alike of ssh: U+0455 Cyrillic');
  });

  it('keeps hostile values inert beside a badge: no markup, no raw override, nothing of the value in the badge', () => {
    const html = cell('<img src=x onerror=alert(1)>\u202E\u0441url');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;<span class="cell-escape"');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('\u202E');
    const badge = /<span class="lookalike-badge"[^>]*><\/span>/.exec(html)?.[0] ?? '';
    expect(badge).toContain('U+202E bidi control');
    expect(badge).not.toMatch(/img src|\u0441/);
  });
});
