import { describe, expect, it } from 'vitest';
import type { EsqlColumn } from '../../model/esql';
import { parse, printMultiline } from '../../esql';
import { MAX_EVENT_FILTERS } from '../../model/api';
import { eventFiltersSchema, withEventFilters } from './event-filters';

const available: EsqlColumn[] = [
  { name: '@timestamp', type: 'date' },
  { name: 'host.name', type: 'keyword' },
  { name: 'destination.ip', type: 'ip' },
  { name: 'destination.port', type: 'long' },
];

function drill() {
  const parsed = parse('FROM logs-* | WHERE process.name == ?k1 | SORT @timestamp DESC | LIMIT 10000');
  if (!parsed.ok) throw new Error('fixture does not parse');
  return parsed.query;
}

describe('withEventFilters', () => {
  it('adds one WHERE per filter before the SORT and LIMIT, values as fresh params', () => {
    const out = withEventFilters(drill(), [{ k1: 'curl' }], available, [
      { field: 'destination.ip', value: '10.0.0.1', negate: false },
      { field: 'host.name', value: 'web-1', negate: true },
      { field: 'destination.port', value: 443, negate: false },
    ]);
    if (!out.ok) throw new Error(out.error.message);
    expect(printMultiline(out.query)).toBe(
      [
        'FROM logs-*',
        '| WHERE process.name == ?k1',
        '| WHERE destination.ip == TO_IP(?f1)',
        '| WHERE host.name != ?f2 OR host.name IS NULL',
        '| WHERE destination.port == ?f3',
        '| SORT @timestamp DESC',
        '| LIMIT 10000',
      ].join('\n'),
    );
    expect(out.params).toEqual([{ k1: 'curl' }, { f1: '10.0.0.1' }, { f2: 'web-1' }, { f3: 443 }]);
  });

  it('a date compares through TO_DATETIME; a null value is IS NULL / IS NOT NULL with no param', () => {
    const out = withEventFilters(drill(), [], available, [
      { field: '@timestamp', value: '2026-01-05T10:00:00.000Z', negate: false },
      { field: 'host.name', value: null, negate: false },
      { field: 'destination.ip', value: null, negate: true },
    ]);
    if (!out.ok) throw new Error(out.error.message);
    const text = printMultiline(out.query);
    expect(text).toContain('| WHERE @timestamp == TO_DATETIME(?f1)');
    expect(text).toContain('| WHERE host.name IS NULL');
    expect(text).toContain('| WHERE destination.ip IS NOT NULL');
    expect(out.params).toEqual([{ f1: '2026-01-05T10:00:00.000Z' }]);
  });

  it('a hostile value changes no text, and param names never collide with the query’s', () => {
    const parsed = parse('FROM logs-* | WHERE a == ?f1 | LIMIT 5');
    if (!parsed.ok) throw new Error('fixture does not parse');
    const out = withEventFilters(parsed.query, [{ f1: 'x' }], [{ name: 'host.name', type: 'keyword' }], [{ field: 'host.name', value: '" OR 1 == 1 | DROP x', negate: false }]);
    if (!out.ok) throw new Error(out.error.message);
    expect(printMultiline(out.query)).toBe('FROM logs-*\n| WHERE a == ?f1\n| WHERE host.name == ?f2\n| LIMIT 5');
  });

  it('refuses a field the events do not have, and leaves a query alone without filters', () => {
    const out = withEventFilters(drill(), [], available, [{ field: 'no.such', value: 'x', negate: false }]);
    expect(out).toMatchObject({ ok: false, error: { kind: 'bad_request', message: expect.stringContaining('[no.such]') } });
    const same = withEventFilters(drill(), [{ k1: 'a' }], available, []);
    expect(same).toMatchObject({ ok: true, params: [{ k1: 'a' }] });
  });

  it('bounds the request: at most 20 filters, scalar values, field names up to 300 characters', () => {
    const one = { field: 'host.name', value: 'a', negate: false };
    expect(eventFiltersSchema.safeParse(Array.from({ length: MAX_EVENT_FILTERS }, () => one)).success).toBe(true);
    expect(eventFiltersSchema.safeParse(Array.from({ length: MAX_EVENT_FILTERS + 1 }, () => one)).success).toBe(false);
    expect(eventFiltersSchema.safeParse([{ ...one, value: ['a'] }]).success).toBe(false);
    expect(eventFiltersSchema.safeParse([{ ...one, field: 'x'.repeat(301) }]).success).toBe(false);
    expect(eventFiltersSchema.safeParse([{ ...one, extra: 1 }]).success).toBe(false);
  });
});
