/** GROK through the whole engine over ROW inputs: the library patterns, typed captures, no match, unknown patterns. */
import { afterAll, describe, expect, it } from 'vitest';
import { grokToRegex } from './grok';
import { createEmbeddedEngine } from './index';
import { tempDir } from './testing/fixtures';

const NOW = new Date('2026-01-08T00:00:00.000Z');
const engine = createEmbeddedEngine({ dataDir: tempDir(), now: () => NOW });
afterAll(() => engine.close());

async function run(query: string) {
  const r = await engine.query({ query, now: NOW });
  if (!r.ok) return { error: r.error };
  return { columns: r.response.columns.map((c) => `${c.name}:${c.type}`), values: r.response.values };
}

const esc = (s: string) => JSON.stringify(s);
const SEGFAULT = esc('\\[%{NUMBER:timestamp}\\] %{WORD:process}\\[%{NUMBER:pid}\\]: segfault at %{BASE16NUM:addr} ip %{BASE16NUM:ip} sp %{BASE16NUM:sp} error %{INT:error}');

describe('GROK', () => {
  it('parses a kernel segfault line the way the segfault hunt does', async () => {
    const msg = '[12345.678901] chrome[4242]: segfault at 7ffd1c2e ip 00007f3a sp 00007ffd error 4 in libc.so';
    expect(await run(`row message = ${esc(msg)} | grok message ${SEGFAULT} | keep process, pid, addr, error, timestamp`)).toEqual({
      columns: ['process:keyword', 'pid:keyword', 'addr:keyword', 'error:keyword', 'timestamp:keyword'],
      values: [['chrome', '4242', '7ffd1c2e', '4', '12345.678901']],
    });
  });

  it('a line that does not match gives null for every name', async () => {
    const r = await run(`row message = "kernel: eth0 link up" | grok message ${SEGFAULT} | keep process, pid`);
    expect(r).toEqual({ columns: ['process:keyword', 'pid:keyword'], values: [[null, null]] });
  });

  it('typed captures convert like Elasticsearch (int, long, double, boolean)', async () => {
    const r = await run(`row m = "took 42 ms size 9000000000 ratio 0.75 ok TRUE" | grok m "took %{INT:took:int} ms size %{NUMBER:size:long} ratio %{NUMBER:ratio:float} ok %{WORD:ok:boolean}"`);
    expect(r).toEqual({
      columns: ['m:keyword', 'ok:boolean', 'ratio:double', 'size:long', 'took:integer'],
      values: [['took 42 ms size 9000000000 ratio 0.75 ok TRUE', true, 0.75, 9000000000, 42]],
    });
  });

  it('searches unanchored and reads IPs, timestamps, log levels, paths, syslog headers', async () => {
    const m = 'x 2026-01-05T10:11:12.345Z WARN 10.1.2.3 fe80::1 /var/log/a.log sshd[77] Jan  5 10:11:12 tail';
    const r = await run(
      `row m = ${esc(m)} | grok m "%{TIMESTAMP_ISO8601:ts} %{LOGLEVEL:level} %{IPV4:v4} %{IP:v6} %{UNIXPATH:path} %{SYSLOGPROG:prog} %{SYSLOGTIMESTAMP:sts}" | keep ts, level, v4, v6, path, prog, sts`,
    );
    expect(r).toEqual({
      columns: ['ts:keyword', 'level:keyword', 'v4:keyword', 'v6:keyword', 'path:keyword', 'prog:keyword', 'sts:keyword'],
      values: [['2026-01-05T10:11:12.345Z', 'WARN', '10.1.2.3', 'fe80::1', '/var/log/a.log', 'sshd[77]', 'Jan  5 10:11:12']],
    });
  });

  it('reads quoted strings, UUIDs, MACs, users, hostnames and raw named groups', async () => {
    const m = '"GET /a b" 123e4567-e89b-12d3-a456-426614174000 00:1a:2b:3c:4d:5e root@web-1.example.org id=77';
    const r = await run(`row m = ${esc(m)} | grok m "%{QUOTEDSTRING:q} %{UUID:u} %{MAC:mac} %{USERNAME:user}@%{HOSTNAME:host} id=(?<id>[0-9]+)" | keep q, u, mac, user, host, id`);
    expect(r).toEqual({
      columns: ['q:keyword', 'u:keyword', 'mac:keyword', 'user:keyword', 'host:keyword', 'id:keyword'],
      values: [['"GET /a b"', '123e4567-e89b-12d3-a456-426614174000', '00:1a:2b:3c:4d:5e', 'root', 'web-1.example.org', '77']],
    });
  });

  it('a multi-valued input is matched value by value; the captures form multi-values', async () => {
    const r = await engine.query({ query: 'row m = ["a 1", "nope", "b 2"] | grok m "%{WORD:w} %{INT:n:int}" | keep w, n', now: NOW });
    expect(r.ok && r.response.values).toEqual([[['a', 'b'], [1, 2]]]);
    expect(r.ok && r.response.warnings.filter((w) => w.includes('multi-value'))).toEqual([]);
    const one = await run('row m = ["nope", "b 2"] | grok m "%{WORD:w} %{INT:n:int}" | keep w, n');
    expect(one).toEqual({ columns: ['w:keyword', 'n:integer'], values: [['b', 2]] });
  });

  it('a name captured twice collects both values; an optional capture that took no part adds none', async () => {
    expect(await run('row a = "foo bar" | grok a "%{WORD:b} %{WORD:b}" | keep b')).toEqual({ columns: ['b:keyword'], values: [[['foo', 'bar']]] });
    expect(await run('row a = "foo" | grok a "%{WORD:b}(?: %{WORD:c})?" | keep b, c')).toEqual({ columns: ['b:keyword', 'c:keyword'], values: [['foo', null]] });
    expect(await run('row a = "foo " | grok a "%{WORD:b} %{GREEDYDATA:c}" | keep c')).toEqual({ columns: ['c:keyword'], values: [['']] });
  });

  it('several patterns: the leftmost match, first pattern first; the columns are their union', async () => {
    expect(await run('row t = "XYZ x" | grok t "ABC %{WORD:foo}", "XYZ %{WORD:bar}" | keep foo, bar')).toEqual({ columns: ['foo:keyword', 'bar:keyword'], values: [[null, 'x']] });
    // In "b=2 a=1" the second pattern matches at 0, before the first one's match at 4; "b=" gives ''.
    const q = 'row t = ["x a=1", "b=", "b=2 a=1"] | grok t "a=%{INT:n:int}", "b=%{GREEDYDATA:rest}" | keep n, rest';
    expect(await run(q)).toEqual({ columns: ['n:integer', 'rest:keyword'], values: [[1, ['', '2 a=1']]] });
  });

  it('a null input extracts nulls', async () => {
    expect(await run('row n = null | grok n "%{WORD:abc}"')).toEqual({ columns: ['n:null', 'abc:keyword'], values: [[null, null]] });
  });

  it('an unknown pattern is a positioned error', async () => {
    const r = await engine.query({ query: 'row m = "a" | grok m "%{NOPE:x}"', now: NOW });
    expect(r).toEqual({ ok: false, error: { kind: 'verification', message: expect.stringMatching(/\nline 1:15: Invalid pattern .*Unable to find pattern \[NOPE\]/) } });
  });

  it('translation: other groups become non-capturing; unsupported constructs are reasons', () => {
    const t = grokToRegex(['(a|b)%{WORD:w}(?<n>\\d+)']);
    expect(t).toEqual({ ok: true, regex: '(?:a|b)(\\b\\w+\\b)(\\d+)', alternatives: ['(?:a|b)(\\b\\w+\\b)(\\d+)'], captures: [{ name: 'w', pattern: 0, shape: 'always' }, { name: 'n', pattern: 0, shape: 'always' }] });
    expect(grokToRegex(['(?=x)%{WORD:w}']).ok).toBe(false);
    expect(grokToRegex(['%{NOPE}'])).toMatchObject({ ok: false, unknownPattern: 'NOPE' });
  });

  it('translation: captures in optional parts are marked; empty-matching optional captures are refused', () => {
    expect(grokToRegex(['%{WORD:a} %{WORD:a}?'])).toMatchObject({ ok: true, captures: [{ name: 'a', shape: 'always' }, { name: 'a', shape: 'optional' }] });
    expect(grokToRegex(['x %{WORD:a}', 'y %{GREEDYDATA:b}'])).toMatchObject({ ok: true, regex: expect.stringMatching(/^\(\?:x .*\)\|\(\?:y .*\)$/), captures: [{ pattern: 0, shape: 'always' }, { pattern: 1, shape: 'always' }] });
    expect(grokToRegex(['%{WORD:a} %{INT:a}'])).toMatchObject({ ok: false, reason: expect.stringContaining('captured both as [WORD:a] and [INT:a]') });
    expect(grokToRegex(['(?:%{DATA:d})?x'])).toMatchObject({ ok: false, reason: expect.stringContaining('[d] may match empty text') });
  });
});

describe('GROK robustness', () => {
  it('every library pattern compiles in RE2 and runs', async () => {
    const { GROK_LIBRARY } = await import('./grok');
    const failures: string[] = [];
    for (const name of Object.keys(GROK_LIBRARY)) {
      const r = await engine.query({ query: `row m = "Jan  5 10:11:12 host sshd[1]: 10.0.0.1 x" | grok m "%{${name}:v}" | keep v`, now: NOW });
      if (!r.ok) failures.push(`${name}: ${r.error.message}`);
    }
    expect(failures).toEqual([]);
  });

  it('random patterns give a result or a typed error, never an internal one', async () => {
    const { default: fc } = await import('fast-check');
    const piece = fc.constantFrom('(', ')', '[', ']', '\\\\', '%{WORD:a}', '%{INT:b:int}', '%{IP}', '(?<c>x)', '(?:', '.*', '+', '?', '|', 'a', ' ', '{2}', '\\\\d', '^', '$', '%{', '}', ':');
    const patterns = fc.sample(fc.array(piece, { minLength: 1, maxLength: 8 }).map((ps) => ps.join('')), { numRuns: Number(process.env.E2_RUNS ?? 300), seed: Number(process.env.E2_SEED ?? 7) });
    const internal: string[] = [];
    for (const p of new Set(patterns)) {
      const r = await engine.query({ query: `row m = "a 12 10.0.0.1 x" | grok m ${JSON.stringify(p)}`, now: NOW });
      if (!r.ok && r.error.kind === 'internal') internal.push(`${p} → ${r.error.message}`);
    }
    expect(internal).toEqual([]);
  });
});
