/**
 * DISSECT through the whole engine over ROW inputs: the walk of Elasticsearch's DissectParser.parse
 * (first delimiter wins, repeated delimiters, right padding, trailing text, the leading delimiter),
 * append keys and multi-valued inputs (docs/esql-semantics.md §6.7).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createEmbeddedEngine } from './index';
import { tempDir } from './testing/fixtures';

const NOW = new Date('2026-01-08T00:00:00.000Z');
const engine = createEmbeddedEngine({ dataDir: tempDir(), now: () => NOW });
afterAll(() => engine.close());

async function dissect(input: string, pattern: string, keep: string) {
  const r = await engine.query({ query: `row s = ${JSON.stringify(input)} | dissect s ${JSON.stringify(pattern)} | keep ${keep}`, now: NOW });
  if (!r.ok) return r.error.message;
  return r.response.values[0];
}

describe('DISSECT walk', () => {
  it('ends each value at the first occurrence of its delimiter, never backtracking', async () => {
    expect(await dissect('a,b;c', '%{x},%{y};%{z}', 'x, y, z')).toEqual(['a', 'b', 'c']);
    // The first "," ends x; y then holds "b,c" up to the ";".
    expect(await dissect('a,b,c;d', '%{x},%{y};%{z}', 'x, y, z')).toEqual(['a', 'b,c', 'd']);
    // ";" never follows y's value, so nothing matches.
    expect(await dissect('a,b', '%{x},%{y};%{z}', 'x, y, z')).toEqual([null, null, null]);
  });

  it('a repeated delimiter gives "" to the keys after it; `->` skips the repeats', async () => {
    expect(await dissect('x  y', '%{a} %{b}', 'a, b')).toEqual(['x', '']);
    expect(await dissect('x  y,z', '%{a} %{b},%{c}', 'a, b, c')).toEqual(['x', '', 'y,z']);
    expect(await dissect('x   y z', '%{a->} %{b} %{c}', 'a, b, c')).toEqual(['x', 'y', 'z']);
    expect(await dissect('a,,,', '%{a},%{b},%{c},%{d}', 'a, b, c, d')).toEqual(['a', '', '', '']);
  });

  it('ignores text after the last delimiter; the last key without one takes the rest', async () => {
    expect(await dissect('1,2,3,4', '%{a},%{b},', 'a, b')).toEqual(['1', '2']);
    expect(await dissect('1,', '%{a},%{b}', 'a, b')).toEqual(['1', '']);
  });

  it('needs the leading delimiter and something after it', async () => {
    expect(await dissect('[x] y', '[%{a}] %{b}', 'a, b')).toEqual(['x', 'y']);
    expect(await dissect('x] y', '[%{a}] %{b}', 'a, b')).toEqual([null, null]);
    expect(await dissect('', '%{a}', 'a')).toEqual([null]);
  });

  it('appends with the separator; skips keep their place', async () => {
    expect(await engine.query({ query: 'row s = "a b c d" | dissect s "%{+k/2} %{?x} %{k} %{+k/1}" append_separator = "." | keep k', now: NOW })).toMatchObject({
      ok: true,
      response: { values: [['c.d.a']] },
    });
  });

  it('dissects each value of a multi-value; the values that do not dissect add nothing', async () => {
    const r = await engine.query({ query: 'row s = ["a:1", "b", "c:"] | dissect s "%{k}:%{v}" | keep k, v', now: NOW });
    expect(r.ok && r.response.values).toEqual([[['a', 'c'], ['1', '']]]);
  });

  it('refuses patterns it cannot read as Elasticsearch does, with a positioned error', async () => {
    expect(await dissect('ab', '%{a}%{b}', 'a')).toMatch(/line 1:\d+: DISSECT pattern \[%\{a\}%\{b\}\]: key \[%\{a\}\] is followed at once by another key/);
  });
});
