import { describe, expect, it } from 'vitest';
import type { EsqlColumn, EsqlValue } from '../../model/esql';
import { eventDocumentJson, nestedDocument } from './document';

const doc = (fields: [string, EsqlValue][]) => {
  const columns: EsqlColumn[] = fields.map(([name]) => ({ name, type: 'keyword' }));
  return { columns, row: fields.map(([, v]) => v) };
};

describe('the event as a nested document', () => {
  it('nests dotted names as objects, drops empty fields, keeps multi-values as arrays', () => {
    const { columns, row } = doc([
      ['process.name', 'curl'],
      ['@timestamp', '2026-01-02T00:00:00.000Z'],
      ['process.parent.pid', 1],
      ['host.os.type', 'linux'],
      ['event.type', ['start', 'connection']],
      ['user.name', null],
    ]);
    expect(JSON.parse(eventDocumentJson(columns, row))).toEqual({
      '@timestamp': '2026-01-02T00:00:00.000Z',
      event: { type: ['start', 'connection'] },
      host: { os: { type: 'linux' } },
      process: { name: 'curl', parent: { pid: 1 } },
    });
  });

  it('keeps a multi-field beside its value as a dotted key, whatever the column order', () => {
    const { columns, row } = doc([
      ['process.name.text', 'сurl'],
      ['process.name', 'сurl'],
    ]);
    expect(JSON.parse(eventDocumentJson(columns, row))).toEqual({ process: { name: 'сurl', 'name.text': 'сurl' } });
  });

  it('a field named __proto__ is an ordinary key; bidi characters are escaped, the JSON unchanged', () => {
    const { columns, row } = doc([
      ['__proto__.polluted', 'yes'],
      ['file.name', 'a\u202eb'],
    ]);
    const nested = nestedDocument(columns, row);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const text = eventDocumentJson(columns, row);
    expect(text).toContain('\\u202e');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(nested)));
    expect(Object.keys(nested)).toEqual(['__proto__', 'file']);
  });
});
