import { describe, expect, it } from 'vitest';
import { applyCompletion, columnText, complete, matchRank, signatureOf } from './completion';
import { cursorWord } from './context';
import { lookupFunction } from '../../esql';

const sources = {
  indices: ['logs-endpoint.events.network-default', 'logs-endpoint.events.process-default'],
  fields: [
    { name: '@timestamp', type: 'date' },
    { name: 'destination.ip', type: 'ip' },
    { name: 'destination.port', type: 'long' },
    { name: 'host.name', type: 'keyword' },
    { name: 'process.name', type: 'keyword' },
    { name: 'source.ip', type: 'ip' },
  ],
};

/** Completes at the `|` marker of `text` (removed before completing). */
function at(marked: string) {
  const offset = marked.indexOf('‸');
  const text = marked.replace('‸', '');
  return { text, result: complete(text, offset, sources) };
}

const labels = (marked: string) => at(marked).result.items.map((i) => i.label);

describe('cursorWord', () => {
  it('reads the command, the typed word and the range it replaces', () => {
    expect(cursorWord('FROM logs-end', 13)).toMatchObject({ context: { kind: 'source' }, prefix: 'logs-end', start: 5, end: 13 });
    expect(cursorWord('FROM a | WHERE destination.i = 1', 28)).toMatchObject({ context: { kind: 'expression', command: 'where' }, prefix: 'destination.i', start: 15, end: 28 });
    // The word after the cursor is replaced too.
    expect(cursorWord('FROM a | KEEP host.name', 16)).toMatchObject({ context: { kind: 'column' }, prefix: 'ho', start: 14, end: 23 });
    expect(cursorWord('fr', 2)).toMatchObject({ context: { kind: 'command', first: true }, prefix: 'fr' });
    expect(cursorWord('FROM a | ', 9)).toMatchObject({ context: { kind: 'command', first: false }, pipe: 7 });
  });

  it('completes nothing inside a string or a comment', () => {
    expect(cursorWord('FROM a | WHERE x == "cur', 24).context.kind).toBe('none');
    expect(cursorWord('FROM a // note', 14).context.kind).toBe('none');
    expect(cursorWord('FROM a /* note', 14).context.kind).toBe('none');
    expect(cursorWord('FROM a | WHERE x == "curl" ', 27).context).toEqual({ kind: 'operator', command: 'where' });
  });
});

describe('complete', () => {
  it('offers source commands at the start and processing commands after a pipe', () => {
    expect(labels('‸')).toEqual(['FROM', 'ROW', 'SHOW']);
    expect(labels('fr‸')).toEqual(['FROM']);
    expect(labels('FROM a | ‸')).toContain('WHERE');
    expect(labels('FROM a | st‸')).toEqual(['STATS']);
    expect(labels('FROM a | mv‸')).toEqual(['MV_EXPAND']);
  });

  it('offers index names after FROM and after a comma, METADATA after a source', () => {
    expect(labels('FROM ‸')).toEqual(sources.indices);
    expect(labels('FROM logs-endpoint.events.pro‸')).toEqual(['logs-endpoint.events.process-default']);
    expect(labels('FROM a, logs‸')).toEqual(sources.indices);
    expect(labels('FROM a ‸')).toEqual(['METADATA']);
    expect(labels('FROM a METADATA _i‸')).toEqual(['_id', '_index', '_ignored']);
  });

  it('offers the columns, typed, where a column is expected, ranked by prefix then by segment', () => {
    const { result } = at('FROM a | WHERE destination.‸');
    expect(result.items.map((i) => [i.label, i.detail])).toEqual([
      ['destination.ip', 'ip'],
      ['destination.port', 'long'],
    ]);
    expect(result).toMatchObject({ start: 15, end: 27, prefix: 'destination.' });
    // `ip` is a later segment of two fields, and the start of IP_PREFIX.
    expect(labels('FROM a | WHERE ip‸').slice(0, 3)).toEqual(['IP_PREFIX', 'destination.ip', 'source.ip']);
    expect(labels('FROM a | KEEP host‸')).toEqual(['host.name']);
    expect(labels('FROM a | KEEP ‸')).toEqual(sources.fields.map((f) => f.name));
  });

  it('offers functions with their signature; aggregates only in STATS, first there', () => {
    const where = at('FROM a | WHERE to_lo‸').result.items;
    expect(where[0]).toMatchObject({ label: 'TO_LOWER', insert: 'TO_LOWER(', kind: 'function', detail: 'TO_LOWER(string: string)' });
    expect(labels('FROM a | WHERE coun‸')).not.toContain('COUNT');
    const stats = labels('FROM a | STATS ‸');
    expect(stats[0]).toBe('COUNT');
    expect(stats).toContain('process.name');
    expect(stats.indexOf('COUNT')).toBeLessThan(stats.indexOf('process.name'));
  });

  it('offers operators and keywords after an operand', () => {
    expect(labels('FROM a | WHERE process.name ‸')).toEqual(expect.arrayContaining(['AND', 'IS NULL', 'LIKE', '==']));
    expect(labels('FROM a | WHERE process.name == "x" an‸')).toEqual(['AND']);
    expect(labels('FROM a | STATS c = COUNT(*) ‸')).toContain('BY');
    expect(labels('FROM a | STATS c = COUNT(*) BY ‸')).toContain('host.name');
    expect(labels('FROM a | SORT @timestamp ‸')).toEqual(['ASC', 'DESC', 'NULLS FIRST', 'NULLS LAST']);
    expect(labels('FROM a | WHERE x IN (‸')).toContain('host.name');
  });

  it('offers nothing where nothing can be known: a LIMIT count, a new name', () => {
    expect(labels('FROM a | LIMIT ‸')).toEqual([]);
    expect(labels('FROM a | RENAME host.name AS ‸')).toEqual([]);
    expect(labels('FROM a | RENAME host.name ‸')).toEqual(['AS']);
  });

  it('replaces the typed word with the chosen item, the cursor after it', () => {
    const { text, result } = at('FROM a | WHERE dest‸ination == 1');
    const item = result.items.find((i) => i.label === 'destination.ip')!;
    expect(applyCompletion(text, result, item)).toEqual({ text: 'FROM a | WHERE destination.ip == 1', cursor: 29 });
  });
});

describe('helpers', () => {
  it('back-quotes column names that are not plain identifiers', () => {
    expect(columnText('host.name')).toBe('host.name');
    expect(columnText('@timestamp')).toBe('@timestamp');
    expect(columnText('first')).toBe('`first`');
    expect(columnText('my-field')).toBe('`my-field`');
    expect(columnText('a`b')).toBe('`a``b`');
  });

  it('ranks exact-case prefixes first, then any case, then segments', () => {
    expect(matchRank('process.name', 'proc')).toBe(0);
    expect(matchRank('process.name', 'PROC')).toBe(1);
    expect(matchRank('process.name', 'na')).toBe(2);
    expect(matchRank('process.name', 'x')).toBeUndefined();
  });

  it('writes a signature with optional and repeating params', () => {
    expect(signatureOf(lookupFunction('count_distinct')!)).toBe('COUNT_DISTINCT(field: any type except counter types or dense_vector, precision?: integer)');
    expect(signatureOf(lookupFunction('concat')!)).toBe('CONCAT(string1: string, string2: string, …)');
  });
});
