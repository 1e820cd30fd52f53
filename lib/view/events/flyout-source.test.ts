import { describe, expect, it } from 'vitest';
import type { EsqlColumn, EsqlValue } from '../../model/esql';
import { flyoutSource, loadedFieldsNote } from './flyout-source';

const cols = (...names: string[]): EsqlColumn[] => names.map((name) => ({ name, type: 'keyword' }));

describe('where the flyout gets the full document', () => {
  it('by _index + _id when the row has both', () => {
    expect(flyoutSource(cols('host.name', 'event.id', '_id', '_index'), ['h', 'e1', 'abc.3', 'logs-x'], '7d')).toEqual({ kind: 'document', index: 'logs-x', id: 'abc.3' });
  });

  it('by event.id when the row lacks _id or _index (a KEEP or STATS dropped them)', () => {
    expect(flyoutSource(cols('event.id', '_index'), ['e1', 'logs-x'], '7d')).toEqual({ kind: 'event', eventId: 'e1' });
    expect(flyoutSource(cols('event.id', '_id', '_index'), ['e1', null, 'logs-x'], '7d')).toEqual({ kind: 'event', eventId: 'e1' });
  });

  it('an imported run’s events never by _id: this backend may not hold the source’s documents', () => {
    expect(flyoutSource(cols('event.id', '_id', '_index'), ['e1', 'abc.3', 'logs-x'], 'bundle')).toEqual({ kind: 'event', eventId: 'e1' });
    expect(flyoutSource(cols('_id', '_index'), ['abc.3', 'logs-x'], 'bundle')).toMatchObject({ kind: 'loaded', why: expect.stringContaining('bundle') });
  });

  it('with neither, the loaded fields and a plain note counting them', () => {
    const columns = cols('host.name', 'process.name', 'user.name');
    const row: EsqlValue[] = ['h', 'curl', null];
    const source = flyoutSource(columns, row, '7d');
    expect(source).toEqual({ kind: 'loaded', why: 'this event has no _id to fetch the full document by.' });
    if (source.kind !== 'loaded') throw new Error('unreachable');
    expect(loadedFieldsNote(columns, row, source.why)).toBe('Showing the 2 loaded fields; this event has no _id to fetch the full document by.');
    expect(loadedFieldsNote(cols('a'), ['x'], 'why')).toBe('Showing the 1 loaded field; why');
  });
});
