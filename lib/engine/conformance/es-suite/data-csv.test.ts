import { describe, expect, it } from 'vitest';
import { parseDataCsv, splitDataLine } from './data-csv';

describe('splitDataLine', () => {
  it('splits outside brackets and quotes, trimming entries', () => {
    expect(splitDataLine('a ,[x,y], "p,q" ,')).toEqual(['a', '[x,y]', '"p,q"', '']);
  });
  it('keeps an escaped comma inside its entry', () => {
    expect(splitDataLine('[a\\,b,c],d')).toEqual(['[a\\,b,c]', 'd']);
  });
});

describe('parseDataCsv', () => {
  const text = [
    '// a comment',
    'id:integer, name:keyword ,height:double,height.float:float,tags:keyword,note:text',
    '1,Georgi   ,2.03,2.03,[b,a],"said \\"hi\\""',
    '2,         ,1.5,1.5,[],{"x":1}',
    '3,Ann,,,[a\\,b],plain',
  ].join('\n');

  it('sends values as strings, drops sub-fields, leaves empties absent', () => {
    const r = parseDataCsv(text);
    expect(r).toEqual({
      ok: true,
      docs: [
        { id: '1', name: 'Georgi', height: '2.03', tags: ['b', 'a'], note: 'said "hi"' },
        { id: '2', height: '1.5', note: { x: 1 } },
        { id: '3', name: 'Ann', tags: 'a,b', note: 'plain' },
      ],
    });
  });

  it('keeps sub-field columns when the dataset allows them', () => {
    const r = parseDataCsv(text, { allowSubFields: true });
    expect(r.ok && r.docs[0]['height.float']).toBe('2.03');
  });

  it('names the line of a short row and a schema cell without a type', () => {
    expect(parseDataCsv('a:integer,b:keyword\n1')).toEqual({ ok: false, line: 2, message: 'expected 2 entries, found 1' });
    expect(parseDataCsv('a:integer,b\n1,2')).toEqual({ ok: false, line: 1, message: 'a type is always expected in the schema row; found [b]' });
  });
});
