import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';
import { testIo } from './testing/io';

const RESPONSE = {
  columns: [
    { name: 'connection_count', type: 'long' },
    { name: 'process.name', type: 'keyword' },
  ],
  values: [[1, 'curl'], [2, '=evil\x1b[2J']],
  warnings: ['No limit defined, adding default limit of [1000]'],
  took: 4,
  is_partial: false,
};

describe('huntboard (top level)', () => {
  it('prints usage for help, --help and a command --help', async () => {
    const io = testIo();
    expect(await main(['help'], io)).toBe(0);
    expect(io.out()).toMatch(/^Usage: huntboard <command>/);
    const io2 = testIo();
    expect(await main(['query', '--help'], io2)).toBe(0);
    expect(io2.out()).toMatch(/^Usage: huntboard query/);
    const io3 = testIo();
    expect(await main(['help', 'ingest'], io3)).toBe(0);
    expect(io3.out()).toMatch(/Exit codes: 0 when no line was rejected/);
  });

  it('rejects an unknown command or no command with usage on stderr, exit 2', async () => {
    const io = testIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err()).toMatch(/^Unknown command \[frobnicate\]\n\nUsage: huntboard/);
    expect(io.out()).toBe('');
    expect(await main([], testIo())).toBe(2);
  });
});

describe('huntboard query', () => {
  it('prints the _query body as JSON and warnings on stderr', async () => {
    const io = testIo({ result: { ok: true, response: RESPONSE } });
    expect(await main(['query', '--format', 'json', 'from logs-* | stats connection_count = count(*) by process.name'], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual({ took: 4, is_partial: false, columns: RESPONSE.columns, values: RESPONSE.values });
    expect(io.err()).toBe('Warning: No limit defined, adding default limit of [1000]\n');
    expect(io.requests[0].query).toBe('from logs-* | stats connection_count = count(*) by process.name');
    expect(io.closed).toBe(1);
  });

  it('passes --now (else HUNTBOARD_NOW) and named --param values', async () => {
    const io = testIo({ env: { HUNTBOARD_NOW: '2026-01-01T00:00:00Z' } });
    await main(['query', '--param', 'n=5', '--param', 'name=curl', '--param', 'ids=[1,2]', 'row a = ?n'], io);
    expect(io.requests[0]).toMatchObject({ now: new Date('2026-01-01T00:00:00Z'), params: [{ n: 5 }, { name: 'curl' }, { ids: [1, 2] }] });
    const io2 = testIo({ env: { HUNTBOARD_NOW: '2026-01-01T00:00:00Z' } });
    await main(['query', '--now', '2026-03-04T05:06:07Z', 'row a = 1'], io2);
    expect(io2.requests[0].now?.toISOString()).toBe('2026-03-04T05:06:07.000Z');
    expect(io2.requests[0].params).toBeUndefined();
  });

  it('prints csv and txt safely', async () => {
    const csv = testIo({ result: { ok: true, response: RESPONSE } });
    await main(['query', '--format', 'csv', 'q'], csv);
    expect(csv.out()).toBe("connection_count,process.name\r\n1,curl\r\n2,'=evil\\x1b[2J\r\n");
    const txt = testIo({ result: { ok: true, response: RESPONSE } });
    await main(['query', 'q'], txt);
    expect(txt.out().split('\n')[0]).toBe('connection_count| process.name  ');
    expect(txt.out()).toContain('=evil\\x1b[2J');
    expect(txt.out()).not.toContain('\x1b');
  });

  it('prints a query error message without a stack, exit 1', async () => {
    const io = testIo({ result: { ok: false, error: { kind: 'verification', message: 'line 1:19: Unknown column [b]', status: 400 } } });
    expect(await main(['query', 'row a = 1 | keep b'], io)).toBe(1);
    expect(io.err()).toBe('line 1:19: Unknown column [b]\n');
    expect(io.out()).toBe('');
  });

  it('reads the query from stdin with -', async () => {
    const io = testIo({ stdin: 'row a = 1\n| eval b = 2\n' });
    expect(await main(['query', '-'], io)).toBe(0);
    expect(io.requests[0].query).toBe('row a = 1\n| eval b = 2\n');
  });

  it('exits 2 on usage errors', async () => {
    for (const argv of [['query'], ['query', '--format', 'xml', 'q'], ['query', '--bogus', 'q'], ['query', '--param', 'x', 'q'], ['query', '--now', 'soon', 'q']]) {
      const io = testIo();
      expect(await main(argv, io)).toBe(2);
      expect(io.err()).toMatch(/Usage: huntboard query/);
      expect(io.requests).toEqual([]);
    }
  });
});

describe('huntboard ingest', () => {
  function tempFile(name: string, content: string): string {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'huntboard-cli-')), name);
    writeFileSync(file, content);
    return file;
  }

  it('streams a file line by line into the store, with the mapping', async () => {
    const file = tempFile('events.ndjson', '{"a":1}\n{"a":2}\r\n{"a":3}');
    const mapping = tempFile('mapping.json', '{"mappings":{"properties":{"a":{"type":"long"}}}}');
    const io = testIo();
    expect(await main(['ingest', '--index', 'logs-test', '--mapping', mapping, file], io)).toBe(0);
    expect(io.ingested).toEqual([
      { index: 'logs-test', lines: ['{"a":1}', '{"a":2}', '{"a":3}'], options: { mapping: { properties: { a: { type: 'long' } } } } },
    ]);
    expect(io.out()).toBe('3 documents stored in [logs-test], 0 rejected\n');
  });

  it('reads stdin with - and reports rejections with line numbers, exit 1', async () => {
    const io = testIo({
      stdin: '{"a":1}\nnot json\n',
      ingestReport: (index) => ({ index, stored: 1, rejected: 1, rejections: [{ line: 2, reason: 'invalid JSON: Unexpected token \x1b' }] }),
    });
    expect(await main(['ingest', '--index', 'logs-x', '-'], io)).toBe(1);
    expect(io.ingested[0].lines).toEqual(['{"a":1}', 'not json']);
    expect(io.out()).toBe('1 document stored in [logs-x], 1 rejected\n  line 2: invalid JSON: Unexpected token \\x1b\n');
  });

  it('exits 0 for an empty file (the index is created), 2 without --index or a readable file', async () => {
    const io = testIo();
    expect(await main(['ingest', '--index', 'i', tempFile('empty.ndjson', '')], io)).toBe(0);
    expect(io.out()).toBe('0 documents stored in [i], 0 rejected\n');
    expect(await main(['ingest', 'file'], testIo())).toBe(2);
    expect(await main(['ingest', '--index', 'i', '/nonexistent/file.ndjson'], testIo())).toBe(2);
  });
});

describe('huntboard indices', () => {
  it('lists indices with counts and time ranges', async () => {
    const io = testIo({
      indices: [{ name: 'logs-a', docCount: 42, minTimestamp: '2026-01-01T00:00:00.000Z', maxTimestamp: '2026-01-08T00:00:00.000Z', partCount: 1 }],
    });
    expect(await main(['indices'], io)).toBe(0);
    const lines = io.out().split('\n');
    expect(lines[0]).toMatch(/^\s+index\s+\|\s+docs\s+\|\s+from\s+\|\s+to\s+$/);
    expect(lines[2]).toMatch(/^logs-a\s+\|42\s+\|2026-01-01T00:00:00.000Z\|2026-01-08T00:00:00.000Z$/);
  });

  it('says when the store is empty, and that a cluster is not listed', async () => {
    const io = testIo();
    expect(await main(['indices'], io)).toBe(0);
    expect(io.out()).toMatch(/^No indices in /);
    const cluster = testIo({ env: { ELASTICSEARCH_URL: 'http://localhost:9200' } });
    expect(await main(['indices'], cluster)).toBe(1);
    expect(cluster.err()).toMatch(/embedded store only/);
  });
});

describe('huntboard demo', () => {
  it('writes the demo with the given options and prints the summary', async () => {
    const io = testIo();
    expect(await main(['demo', '--now', '2026-01-08T00:00:00Z', '--scale', '0.01', '--weeks', '2'], io)).toBe(0);
    expect(io.demoCalls).toEqual([{ now: new Date('2026-01-08T00:00:00Z'), scale: 0.01, weeks: 2 }]);
    expect(io.out()).toMatch(/2 weeks ending 2026-01-08T00:00:00.000Z\n  logs-endpoint.events.network-default: 1500 stored, 0 rejected\n$/);
  });

  it('defaults now to HUNTBOARD_NOW and rejects bad numbers', async () => {
    const io = testIo({ env: { HUNTBOARD_NOW: '2026-02-02T00:00:00Z' } });
    await main(['demo'], io);
    expect(io.demoCalls[0]).toEqual({ now: new Date('2026-02-02T00:00:00Z') });
    expect(await main(['demo', '--scale', 'lots'], testIo())).toBe(2);
  });
});
