/** The csv-spec reader, the comparison rules and the suite's own files. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { QueryResult } from '../../model/esql';
import { compareResult, dateInstant } from './compare';
import { parseCell, parseCsvSpec, parseCsvSpecCases, resolveType, skipsVersion, type SpecCase } from './csv-spec';
import { canonicalIp, ipBytes } from './ip-text';

const SAMPLE = `// a comment
# another comment
simpleProject
from hosts | keep card, host;
ignoreOrder:true

card:keyword   |host:k
eth0           |alpha
eth1           |"beta"
;

cdirMatchMultipleArgs#[skip:-8.13.99]
required_capability: cidr
//tag::x[]
FROM hosts
| WHERE CIDR_MATCH(ip1, "127.0.0.2/32")
//end::x[]
;
warning:Line 2:9: evaluation of [CIDR_MATCH(ip1, \\"127.0.0.2/32\\")] failed
warning:Line 2:9: java.lang.IllegalArgumentException: single-value function encountered multi-value

ip1:ip | n:l | d:date
[127.0.0.1, 127.0.0.2] | null | 1953-09-02T00:00:00Z
;

empty-Ignore
row a = 1 | where false;

a:i
;

bad
row a = 1 | keep b;
error:Found 1 problem
error:line 1:18: Unknown column [b]
;
`;

function only(cases: SpecCase[], name: string): SpecCase {
  const c = cases.find((x) => x.name === name);
  if (!c) throw new Error(`no case ${name}`);
  return c;
}

describe('parseCsvSpec', () => {
  const parsed = parseCsvSpec(SAMPLE);
  if (!parsed.ok) throw new Error(parsed.message);
  const { cases } = parsed;

  it('reads names, queries, directives and tables', () => {
    expect(cases.map((c) => c.name)).toEqual(['simpleProject', 'cdirMatchMultipleArgs', 'empty-Ignore', 'bad']);
    const simple = only(cases, 'simpleProject');
    expect(simple.query).toBe('from hosts | keep card, host');
    expect(simple.ignoreOrder).toBe(true);
    expect(simple.line).toBe(3);
    expect(simple.expected).toEqual({
      kind: 'table',
      columns: [
        { name: 'card', type: 'keyword' },
        { name: 'host', type: 'keyword' },
      ],
      rows: [
        [
          { kind: 'single', text: 'eth0' },
          { kind: 'single', text: 'alpha' },
        ],
        [
          { kind: 'single', text: 'eth1' },
          { kind: 'single', text: 'beta' },
        ],
      ],
    });
  });

  it('joins multi-line queries, skips comments and pre-query directives, strips the name suffix', () => {
    const c = only(cases, 'cdirMatchMultipleArgs');
    expect(c.query).toBe('FROM hosts\n| WHERE CIDR_MATCH(ip1, "127.0.0.2/32")');
    expect(c.warnings).toHaveLength(2);
    expect(c.warnings[0]).toBe('Line 2:9: evaluation of [CIDR_MATCH(ip1, \\"127.0.0.2/32\\")] failed');
    expect(c.expected.kind === 'table' && c.expected.rows[0]).toEqual([
      { kind: 'multi', texts: ['127.0.0.1', '127.0.0.2'] },
      { kind: 'null' },
      { kind: 'single', text: '1953-09-02T00:00:00Z' },
    ]);
  });

  it('marks -Ignore cases and reads empty tables', () => {
    const c = only(cases, 'empty-Ignore');
    expect(c.ignored).toBe(true);
    expect(c.expected).toEqual({ kind: 'table', columns: [{ name: 'a', type: 'integer' }], rows: [] });
  });

  it('reads expected errors', () => {
    expect(only(cases, 'bad').expected).toEqual({ kind: 'error', message: 'Found 1 problem\nline 1:18: Unknown column [b]' });
  });

  it('reports a malformed file with its line', () => {
    expect(parseCsvSpec('x\nrow a = 1;\na:nope\n;\n')).toEqual({ ok: false, line: 3, message: 'x: unknown type [nope] in header cell [a:nope]' });
    expect(parseCsvSpec('x\nrow a = 1;\na:i\n1 | 2\n;\n')).toMatchObject({ ok: false, line: 4 });
    expect(parseCsvSpec('x\nrow a = 1;\na:i\n')).toMatchObject({ ok: false });
  });

  it('resolves type aliases', () => {
    expect(['i', 'l', 'd', 's', 'k', 'txt', 'n', 'dt', 'datetime', 'bool', 'short', 'byte', 'ul'].map(resolveType)).toEqual([
      'integer',
      'long',
      'double',
      'keyword',
      'keyword',
      'text',
      'null',
      'date',
      'date',
      'boolean',
      'integer',
      'integer',
      'unsigned_long',
    ]);
  });

  it('parses cells: null, lists, one-element lists as scalars, quotes', () => {
    expect(parseCell(' null ')).toEqual({ kind: 'null' });
    expect(parseCell('[a, b]')).toEqual({ kind: 'multi', texts: ['a', 'b'] });
    expect(parseCell('[1.19]')).toEqual({ kind: 'single', text: '1.19' });
    expect(parseCell('[]')).toEqual({ kind: 'null' });
    expect(parseCell('"  x "')).toEqual({ kind: 'single', text: '  x ' });
  });
});

describe('ip text', () => {
  it('parses to 16 bytes with IPv4 mapped', () => {
    expect(ipBytes('10.1.2.3')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 10, 1, 2, 3]);
    expect(ipBytes('::ffff:10.1.2.3')).toEqual(ipBytes('10.1.2.3'));
    expect(ipBytes('1.2.3')).toBeUndefined();
    expect(ipBytes('1::2::3')).toBeUndefined();
  });
  it('prints as Elasticsearch does', () => {
    expect(canonicalIp('::ffff:8.8.8.8')).toBe('8.8.8.8');
    expect(canonicalIp('FE80:0:0:0:CAE2:65FF:FECE:FEB9')).toBe('fe80::cae2:65ff:fece:feb9');
    expect(canonicalIp('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(canonicalIp('::0')).toBe('::');
    expect(canonicalIp('0:0:0:0:0:0:0:1')).toBe('::1');
    expect(canonicalIp('1:0:2:3:4:5:6:7')).toBe('1:0:2:3:4:5:6:7');
  });
});

describe('compareResult', () => {
  const spec = (text: string): SpecCase => {
    const p = parseCsvSpec(text);
    if (!p.ok) throw new Error(p.message);
    return p.cases[0];
  };
  const ok = (columns: { name: string; type: string }[], values: unknown[][], warnings: string[] = []): QueryResult => ({
    ok: true,
    response: { columns, values: values as never, warnings, took: 0, is_partial: false },
  });
  const t = spec('t\nq;\nd:date | ip:ip | c:l\n1954-05-01T00:00:00 | ::0 | 2\n;\n');

  it('compares dates as instants and ips by bytes, and checks their printed form', () => {
    expect(compareResult(t, ok([{ name: 'd', type: 'date' }, { name: 'ip', type: 'ip' }, { name: 'c', type: 'long' }], [['1954-05-01T00:00:00.000Z', '::', 2]]))).toEqual([]);
    expect(compareResult(t, ok([{ name: 'd', type: 'date' }, { name: 'ip', type: 'ip' }, { name: 'c', type: 'long' }], [['1954-05-01T00:00:00Z', '0:0:0:0:0:0:0:0', 2]]))).toEqual([
      'date "1954-05-01T00:00:00Z" is not yyyy-MM-ddTHH:mm:ss.SSSZ',
      'ip printed "0:0:0:0:0:0:0:0", Elasticsearch prints "::"',
    ]);
    expect(dateInstant('1954-05-01')).toBe(Date.parse('1954-05-01T00:00:00Z'));
  });

  it('checks column names, types, order and warnings', () => {
    expect(compareResult(t, ok([{ name: 'd', type: 'date' }, { name: 'ip', type: 'ip' }, { name: 'c', type: 'integer' }], [])).join()).toContain('columns differ');
    const wrongRow = compareResult(t, ok([{ name: 'd', type: 'date' }, { name: 'ip', type: 'ip' }, { name: 'c', type: 'long' }], [['1954-05-01T00:00:00.000Z', '::', 3]], ['x "y"']));
    expect(wrongRow[0]).toBe('unexpected warning: x \\"y\\"');
    expect(wrongRow[1]).toContain('rows differ');
  });

  it('drops the default-limit warning and respects ignoreOrder', () => {
    const s = spec('t\nq;\nignoreOrder:true\na:i\n1\n2\n;\n');
    const r = ok([{ name: 'a', type: 'integer' }], [[2], [1]], ['No limit defined, adding default limit of [1000]']);
    expect(compareResult(s, r)).toEqual([]);
    expect(compareResult({ ...s, ignoreOrder: false }, r).join()).toContain('rows differ');
  });

  it('matches warningRegex the way Elasticsearch does (.*regex.*)', () => {
    const s = spec('t\nq;\nwarningRegex:evaluation of \\[a\\] failed\na:i\n;\n');
    expect(compareResult(s, ok([{ name: 'a', type: 'integer' }], [], ['Line 1:2: evaluation of [a] failed, treating…']))).toEqual([]);
    expect(compareResult(s, ok([{ name: 'a', type: 'integer' }], []))).toEqual(['no warning matches /evaluation of \\[a\\] failed/']);
  });

  it('compares expected errors', () => {
    const s = spec('t\nq;\nerror:Found 1 problem\nerror:line 1:1: x\n;\n');
    expect(compareResult(s, { ok: false, error: { kind: 'verification', message: 'Found 1 problem\nline 1:1: x' } })).toEqual([]);
    expect(compareResult(s, ok([], [])).join()).toContain('expected an error');
  });

});

describe('the suite files', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(here).filter((f) => f.endsWith('.csv-spec'));
  it.each(files)('%s parses, names are unique, every case says where it comes from', (file) => {
    const text = readFileSync(path.join(here, file), 'utf8');
    const parsed = parseCsvSpec(text);
    if (!parsed.ok) throw new Error(`${file}:${parsed.line}: ${parsed.message}`);
    const names = parsed.cases.map((c) => c.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    const lines = text.split('\n');
    for (const c of parsed.cases) {
      const block: string[] = [];
      for (let i = c.line - 2; i >= 0 && lines[i].trim().startsWith('//'); i--) block.unshift(lines[i].trim());
      expect(block.join('\n'), `${file}:${c.line} ${c.name}`).toMatch(/^\/\/ (from \S+\.csv-spec |derived: )/);
    }
  });
  it('has at least 120 cases in all', () => {
    const total = files.reduce((n, f) => {
      const p = parseCsvSpec(readFileSync(path.join(here, f), 'utf8'));
      return n + (p.ok ? p.cases.length : 0);
    }, 0);
    expect(total).toBeGreaterThanOrEqual(120);
  });
});

describe('parseCsvSpecCases', () => {
  const text = [
    'good',
    'row a = 1;',
    'a:integer',
    '1',
    ';',
    '',
    'badType',
    'row a = 1;',
    'a:geo_shape',
    'x',
    ';',
    '',
    'escaped',
    'required_capability: x',
    'SET a="b"\\;',
    'ROW a = 1;',
    'warning:Line 1:1: real#[Emulated:Line 1:2: emulated]',
    'warning:#[Emulated:only emulated]',
    'a:integer',
    '1',
    ';',
  ].join('\n');
  const parsed = parseCsvSpecCases(text);

  it('keeps reading after a case it cannot take, and says which and why', () => {
    expect(parsed.cases.map((c) => c.name)).toEqual(['good', 'escaped']);
    expect(parsed.broken).toEqual([{ name: 'badType', line: 9, message: 'badType: unknown type [geo_shape] in header cell [a:geo_shape]' }]);
    expect(parseCsvSpec(text)).toMatchObject({ ok: false, line: 9 });
  });

  it('reads an escaped semicolon as part of the query', () => {
    expect(parsed.cases[1].query).toBe('SET a="b";\nROW a = 1');
  });

  it('expects the cluster form of a warning, not the emulated one', () => {
    expect(parsed.cases[1].warnings).toEqual(['Line 1:1: real']);
  });
});

describe('skipsVersion', () => {
  it('reads a skip range up to a version, as Elasticsearch does', () => {
    expect(skipsVersion('x#[skip:-9.99.99,reason:not yet fixed]', [9, 5, 0])).toBe(true);
    expect(skipsVersion('x#[skip:-8.11.99, reason:Lucene multivalue warning introduced in 8.12 only]', [9, 5, 0])).toBe(false);
    expect(skipsVersion('x#[skip:-9.5.0]', [9, 5, 0])).toBe(true);
    expect(skipsVersion('x', [9, 5, 0])).toBe(false);
  });
});
