import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from './dates';

describe('parseDate', () => {
  it('reads strict_date_optional_time forms', () => {
    expect(parseDate('2026-01-08')).toBe(Date.UTC(2026, 0, 8));
    expect(parseDate('2026-01')).toBe(Date.UTC(2026, 0, 1));
    expect(parseDate('2026-01-08T10:11:12Z')).toBe(Date.UTC(2026, 0, 8, 10, 11, 12));
    expect(parseDate('2026-01-08T10:11:12')).toBe(Date.UTC(2026, 0, 8, 10, 11, 12));
    expect(parseDate('2026-01-08T10:11')).toBe(Date.UTC(2026, 0, 8, 10, 11));
    expect(parseDate('2026-01-08T10:11:12.5Z')).toBe(Date.UTC(2026, 0, 8, 10, 11, 12, 500));
    expect(parseDate('2026-01-08T10:11:12.123456Z')).toBe(Date.UTC(2026, 0, 8, 10, 11, 12, 123));
    expect(parseDate('2026-01-08T10:11:12.123456789Z')).toBe(Date.UTC(2026, 0, 8, 10, 11, 12, 123));
    expect(parseDate('2026-01-08T10:11:12,999Z')).toBe(Date.UTC(2026, 0, 8, 10, 11, 12, 999));
  });
  it('applies offsets', () => {
    expect(parseDate('2026-01-08T10:00:00+01:00')).toBe(Date.UTC(2026, 0, 8, 9));
    expect(parseDate('2026-01-08T10:00:00-0530')).toBe(Date.UTC(2026, 0, 8, 15, 30));
    expect(parseDate('2026-01-08T10:00:00+02')).toBe(Date.UTC(2026, 0, 8, 8));
  });
  it('reads epoch millis from numbers and numeric strings', () => {
    expect(parseDate(1767830400000)).toBe(1767830400000);
    expect(parseDate('1767830400000')).toBe(1767830400000);
    expect(parseDate('-1000')).toBe(-1000);
    expect(parseDate('1767830400000.9')).toBe(1767830400000);
    expect(parseDate(0)).toBe(0);
  });
  it('a four-digit string is a year, as the first format of the default wins', () => {
    expect(parseDate('2026')).toBe(Date.UTC(2026, 0, 1));
  });
  it('rejects impossible or foreign text', () => {
    for (const bad of ['', 'yesterday', '2026-13-01', '2026-02-30', '2026-02-29', '2026-01-08T24:00:00Z', '2026-01-08 10:00', '2026-01-08T10:00:00+19:00']) {
      expect(parseDate(bad), bad).toBeUndefined();
    }
    expect(parseDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseDate(Number.NaN)).toBeUndefined();
  });
  it('rejects instants beyond what can be stored and printed', () => {
    for (const bad of [-9.2e18, 9.2e18, '92233720368547758070', 8.64e15 + 1]) expect(parseDate(bad), String(bad)).toBeUndefined();
    expect(parseDate(8.64e15)).toBe(8.64e15);
    expect(parseDate(-8.64e15)).toBe(-8.64e15);
  });
});

describe('formatDate', () => {
  it('prints ISO with millis and Z', () => {
    expect(formatDate(Date.UTC(2026, 0, 8))).toBe('2026-01-08T00:00:00.000Z');
    expect(formatDate(Date.UTC(2026, 0, 8, 10, 11, 12, 7))).toBe('2026-01-08T10:11:12.007Z');
    expect(formatDate(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(formatDate(-1)).toBe('1969-12-31T23:59:59.999Z');
  });
  it('prints years outside 0–9999 like java.time', () => {
    expect(formatDate(Date.UTC(12026, 0, 1))).toBe('+12026-01-01T00:00:00.000Z');
    const yearMinus1 = new Date(0);
    yearMinus1.setUTCFullYear(-1, 0, 1);
    expect(formatDate(yearMinus1.getTime())).toBe('-0001-01-01T00:00:00.000Z');
    const year5 = new Date(0);
    year5.setUTCFullYear(5, 0, 1);
    expect(formatDate(year5.getTime())).toBe('0005-01-01T00:00:00.000Z');
  });
  it('round-trips', () => {
    for (const ms of [0, 1767830400123, -62135596800000, 253402300799999]) expect(parseDate(formatDate(ms))).toBe(ms);
  });
});
