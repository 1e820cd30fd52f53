import { describe, expect, it } from 'vitest';
import { parseUtcInput, parseUtcRange, toUtcInput } from './utc-input';

describe('parseUtcInput', () => {
  it('reads ISO text as UTC', () => {
    expect(parseUtcInput('2026-01-05T00:00')).toEqual({ ok: true, iso: '2026-01-05T00:00:00.000Z' });
    expect(parseUtcInput(' 2026-01-05 13:45 ')).toEqual({ ok: true, iso: '2026-01-05T13:45:00.000Z' });
    expect(parseUtcInput('2026-01-05T13:45:30Z')).toEqual({ ok: true, iso: '2026-01-05T13:45:30.000Z' });
  });
  it('refuses the locale form and other shapes with a message naming the expected one', () => {
    const us = parseUtcInput('01/05/2026 12:00 AM');
    expect(us.ok).toBe(false);
    expect(!us.ok && us.message).toContain('YYYY-MM-DDTHH:MM');
    expect(parseUtcInput('2026-01-05').ok).toBe(false);
    expect(parseUtcInput('').ok).toBe(false);
  });
  it('refuses dates and times that do not exist instead of rolling them over', () => {
    expect(parseUtcInput('2026-02-30T00:00')).toEqual({ ok: false, message: '2026-02-30T00:00 is not a real date and time.' });
    expect(parseUtcInput('2026-01-05T24:00').ok).toBe(false);
    expect(parseUtcInput('2026-01-05T12:60').ok).toBe(false);
    expect(parseUtcInput('2024-02-29T00:00').ok).toBe(true);
  });
});

describe('toUtcInput / parseUtcRange', () => {
  it('shows a bound in the form it is typed in', () => {
    expect(toUtcInput('2026-01-08T12:00:00.000Z')).toBe('2026-01-08T12:00');
    expect(toUtcInput(undefined)).toBe('');
    expect(toUtcInput('junk')).toBe('');
  });
  it('needs both bounds, in order', () => {
    expect(parseUtcRange('2026-01-05T00:00', '2026-01-08T12:00')).toEqual({ ok: true, from: '2026-01-05T00:00:00.000Z', to: '2026-01-08T12:00:00.000Z' });
    expect(parseUtcRange('2026-01-08T12:00', '2026-01-05T00:00')).toEqual({ ok: false, field: 'to', message: 'The end must be after the start.' });
    expect(parseUtcRange('nope', '2026-01-05T00:00')).toMatchObject({ ok: false, field: 'from' });
  });
});
