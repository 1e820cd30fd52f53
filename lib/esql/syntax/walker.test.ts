import { describe, expect, it } from 'vitest';
import type { Column, Expression, FunctionCall, Node, Query } from '../ast';
import { parse } from '../parser/parse';
import { print } from './printer';
import { collect, transformExpressions, walk, withoutSpans } from './walker';

function query(text: string): Query {
  const r = parse(text);
  if (!r.ok) throw new Error(r.errors[0].message);
  return r.query;
}

const TEXT =
  'from logs-* metadata _id | where host.name == "a" and not user.id is null | eval x = length(process.name) | stats c = count(*) where x > 1 by h = host.name | sort c desc | rename c as n | keep n, h';

describe('walk', () => {
  it('visits every node depth-first with its parent', () => {
    const q = query(TEXT);
    const seen: [string, string | undefined][] = [];
    walk(q, (n, parent) => {
      seen.push([n.kind, parent?.kind]);
    });
    expect(seen[0]).toEqual(['query', undefined]);
    expect(seen[1]).toEqual(['from', 'query']);
    expect(seen.slice(2, 4)).toEqual([['source', 'from'], ['column', 'from']]);
    const kinds = seen.map(([k]) => k);
    for (const k of ['where', 'binary', 'unary', 'isNull', 'eval', 'field', 'function', 'stats', 'sort', 'order', 'renameCommand', 'rename', 'columnPattern', 'keep', 'literal']) {
      expect(kinds).toContain(k);
    }
  });

  it("'skip' leaves the children out", () => {
    const q = query(TEXT);
    const kinds: string[] = [];
    walk(q, (n) => {
      kinds.push(n.kind);
      return n.kind === 'where' ? 'skip' : undefined;
    });
    expect(kinds).not.toContain('isNull');
    expect(kinds).toContain('function');
  });
});

describe('collect', () => {
  it('gathers matching nodes in source order', () => {
    const q = query(TEXT);
    const columns = collect<Column>(q, (n: Node): n is Column => n.kind === 'column').map((c) => c.name);
    expect(columns).toEqual(['_id', 'host.name', 'user.id', 'x', 'process.name', 'c', 'x', 'h', 'host.name', 'c', 'n']);
    const calls = collect<FunctionCall>(q, (n) => n.kind === 'function').map((f) => f.name);
    expect(calls).toEqual(['length', 'count']);
  });
});

describe('transformExpressions', () => {
  it('rewrites bottom-up without touching the input', () => {
    const q = query('from i | where a == 1 and b == 2 | eval y = a + 1 | sort a');
    const before = JSON.stringify(withoutSpans(q), (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
    const seen: string[] = [];
    const out = transformExpressions(q, (e: Expression) => {
      seen.push(e.kind);
      if (e.kind === 'column' && e.name === 'a') return { ...e, name: 'alpha' };
      if (e.kind === 'literal' && e.value.type === 'integer') return { ...e, value: { type: 'integer', value: e.value.value * 10n } };
      return undefined;
    });
    expect(print(out)).toBe('FROM i | WHERE alpha == 10 AND b == 20 | EVAL y = alpha + 10 | SORT alpha');
    expect(JSON.stringify(withoutSpans(q), (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))).toBe(before);
    // Children are visited before their parent.
    expect(seen.slice(0, 3)).toEqual(['column', 'literal', 'binary']);
  });

  it('can replace a whole condition', () => {
    const q = query('from i | where x is null');
    const out = transformExpressions(q, (e) => (e.kind === 'isNull' ? { ...e, negated: !e.negated } : undefined));
    expect(print(out)).toBe('FROM i | WHERE x IS NOT NULL');
  });

  it('also rewrites aggregate filters, groupings and DISSECT input', () => {
    const q = query('from i | stats c = count(*) where a > 1 by a | dissect a "%{b}"');
    const out = transformExpressions(q, (e) => (e.kind === 'column' && e.name === 'a' ? { ...e, name: 'z' } : undefined));
    expect(print(out)).toBe('FROM i | STATS c = COUNT(*) WHERE z > 1 BY z | DISSECT z "%{b}"');
  });
});

describe('withoutSpans', () => {
  it('zeroes spans deep and copies', () => {
    const q = query('row a = [1, 2]');
    const z = withoutSpans(q);
    expect(z).not.toBe(q);
    walk(z, (n) => {
      expect(n.span).toEqual({ start: 0, end: 0 });
    });
    expect(q.span.end).toBe(14);
    expect(withoutSpans(query('row   a=[1,2]'))).toEqual(z);
  });
});
