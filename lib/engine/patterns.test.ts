import { describe, expect, it } from 'vitest';
import { dateFormatToStrftime } from './date-format';
import { parseDissect } from './dissect';
import { likeToSql, rlikeToRegex } from './patterns';
import { addTimeSpan } from './time-math';

describe('LIKE and RLIKE translation', () => {
  it('maps * and ? and escapes SQL wildcards', () => {
    expect(likeToSql('a*b?c')).toBe('a%b_c');
    expect(likeToSql('100%_x')).toBe('100\\%\\_x');
    expect(likeToSql('a\\*b')).toBe('a*b');
  });

  it('keeps Lucene regex syntax RE2 shares and refuses the rest', () => {
    expect(rlikeToRegex('.*evil[0-9]+\\.exe')).toEqual({ ok: true, regex: '.*evil[0-9]+\\.exe' });
    expect(rlikeToRegex('a.+*b')).toEqual({ ok: true, regex: 'a.*b' });
    expect(rlikeToRegex('a++?')).toEqual({ ok: true, regex: 'a*' });
    expect(rlikeToRegex('a@b').ok).toBe(false);
    expect(rlikeToRegex('~a').ok).toBe(false);
    expect(rlikeToRegex('^a').ok).toBe(false);
    expect(rlikeToRegex('\\d+').ok).toBe(false);
  });

  it('reads a quantifier with nothing to repeat as a literal, as Lucene does: (?i) is not a flag', () => {
    expect(rlikeToRegex('(?i)abc')).toEqual({ ok: true, regex: '(\\?i)abc' });
    expect(rlikeToRegex('?a|*b|(+)')).toEqual({ ok: true, regex: '\\?a|\\*b|(\\+)' });
    expect(rlikeToRegex('(??)')).toEqual({ ok: true, regex: '(\\??)' });
    expect(rlikeToRegex('{2}')).toEqual({ ok: true, regex: '\\{2}' });
    expect(rlikeToRegex('[?]a?')).toEqual({ ok: true, regex: '[?]a?' });
  });
});

describe('DISSECT patterns', () => {
  it('splits keys and delimiters as DissectParser does, one capture per kept key', () => {
    const r = parseDissect('<%{a} - %{b}');
    expect(r).toEqual({
      ok: true, leading: '<', groupCount: 2, separator: '',
      steps: [{ delimiter: ' - ', pad: false, group: 0 }, { delimiter: '', pad: false, group: 1 }],
      columns: [{ name: 'a', groups: [0] }, { name: 'b', groups: [1] }],
    });
    expect(parseDissect('%{?skip->} %{b}')).toMatchObject({ ok: true, steps: [{ delimiter: ' ', pad: true }, { group: 0 }], columns: [{ name: 'b', groups: [0] }] });
    expect(parseDissect('%{*a} %{&a}').ok).toBe(false);
    expect(parseDissect('%{a}%{b}')).toMatchObject({ ok: false, reason: expect.stringContaining('followed at once') });
    expect(parseDissect('%{?a} %{}')).toMatchObject({ ok: false, reason: 'Unable to find any keys or delimiters' });
  });

  it('append keys join in DissectMatch order: implicit ones first in pattern order, then by /N', () => {
    expect(parseDissect('%{+a/2} %{a} %{+a/1} %{+a}', ',')).toMatchObject({ ok: true, columns: [{ name: 'a', groups: [1, 3, 2, 0] }], separator: ',' });
    expect(parseDissect('%{a} %{a}')).toMatchObject({ ok: true, columns: [{ name: 'a', groups: [1] }] });
    expect(parseDissect('%{+a?}').ok).toBe(false);
  });
});

describe('dates', () => {
  // As time-math.ts cites Elasticsearch.
  it('does calendar arithmetic for periods and exact for durations', () => {
    const jan31 = Date.parse('2026-01-31T10:00:00.000Z');
    expect(new Date(addTimeSpan(jan31, 1, 'month', 1)).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(new Date(addTimeSpan(jan31, 7, 'day', -1)).toISOString()).toBe('2026-01-24T10:00:00.000Z');
    expect(addTimeSpan(jan31, 2, 'hour', 1) - jan31).toBe(7_200_000);
  });

  it('translates Java date formats and refuses unknown letters', () => {
    expect(dateFormatToStrftime("yyyy-MM-dd'T'HH:mm")).toEqual({ ok: true, format: '%Y-%m-%dT%H:%M' });
    expect(dateFormatToStrftime('yyyy-ww').ok).toBe(false);
  });
});
