/**
 * Huge and deeply nested queries (issue 13): every stage answers or gives a positioned error,
 * never a RangeError. Long left-associative chains are accepted; nesting past Elasticsearch's
 * limits (400 levels, 500 processing commands) is refused with Elasticsearch's message.
 */
import { describe, expect, it } from 'vitest';
import { nestedCalls, nestedParens, orChain, pipes } from '../testing/corpus';
import { analyze } from '../analysis/analyze';
import { NETWORK_FIELDS, resolver } from '../testing/network-index';
import { countExpressions, EXPRESSION_DEPTH_MESSAGE, MAX_QUERY_DEPTH, QUERY_DEPTH_MESSAGE } from './depth';
import { formatError, positionOf } from '../errors';
import { lintQuery } from '../lint/findings';
import { conjuncts } from '../lint/time-window';
import { parse, parseExpression, parseTree, type ParseResult } from '../parser/parse';
import { print, printMultiline } from './printer';
import type { Node } from '../ast';
import { collect, transformExpressions, walk } from './walker';

const NET = 'from logs-endpoint.events.network-*';

/** Pre-order node signatures without spans (walk is iterative). */
function signature(node: Node): string[] {
  const out: string[] = [];
  walk(node, (n) => {
    const { span: _span, ...rest } = n as Node & Record<string, unknown>;
    out.push(JSON.stringify(rest, (key, v) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'object' && v !== null && key !== '' ? undefined : v)));
  });
  return out;
}

/** The tree past Elasticsearch's depth limit: these tests are about walking it without recursion. */
function parsed(text: string) {
  const r = parseTree(text);
  if (!r.ok) throw new Error(formatError(r.errors[0]));
  return r.query;
}

function expectRefused(result: ParseResult, text: string, message: string): { line: number; column: number } {
  expect(result.ok).toBe(false);
  if (result.ok) return { line: 0, column: 0 };
  const [error] = result.errors;
  expect(error).toMatchObject({ kind: 'parsing', message });
  expect({ line: error.line, column: error.column }).toEqual(positionOf(text, error.span.start));
  return { line: error.line, column: error.column };
}

describe('a 10,000-term OR chain', () => {
  const text = orChain(10_000);

  it('parses, prints back to the same tree, walks and rewrites without recursion limits', () => {
    const query = parsed(text);
    const printed = print(query);
    expect(printed.startsWith('FROM logs-endpoint.events.network-* | WHERE destination.port == 0 OR destination.port == 1 OR ')).toBe(true);
    // Deep trees overflow vitest's recursive equality: compare their pre-order signatures instead.
    expect(signature(parsed(printed))).toEqual(signature(query));
    expect(printMultiline(query).split('\n')).toHaveLength(2);
    let nodes = 0;
    walk(query, () => {
      nodes++;
    });
    expect(nodes).toBe(1 + 1 + 1 + 1 + 9_999 + 10_000 * 3);
    expect(collect(query, (n) => n.kind === 'literal')).toHaveLength(10_000);
    const renamed = transformExpressions(query, (e) => (e.kind === 'column' ? { ...e, name: 'source.port' } : undefined));
    expect(print(renamed)).toContain('source.port == 9999');
    expect(countExpressions(query)).toBe(9_999 + 10_000 * 3);
  });

  it('analyzes (typing every term) and lints', () => {
    const query = parsed(text);
    const result = analyze(query, text, resolver);
    expect(result.ok).toBe(true);
    expect(() => lintQuery(query, text)).not.toThrow();
  });

  it('an AND chain of 10,000 splits into its conjuncts in source order', () => {
    const and = parsed(orChain(10_000).replaceAll(' or ', ' and '));
    const where = and.commands[1];
    expect(where.kind).toBe('where');
    if (where.kind !== 'where') return;
    const parts = conjuncts(where.condition);
    expect(parts).toHaveLength(10_000);
    expect(print(parts[9_999])).toBe('destination.port == 9999');
  });

  it('so do 10,000 chained additions, which the analyzer types as long', () => {
    const sum = `${NET} | eval s = ${Array.from({ length: 10_000 }, () => 'destination.port').join(' + ')} | keep s`;
    const result = analyze(parsed(sum), sum, resolver);
    expect(result.ok && result.analyzed.output).toEqual([{ name: 's', type: 'long' }]);
  });
});

describe('nesting past Elasticsearch limits is a positioned parsing error', () => {
  it('an OR chain is one level per operator, as Elasticsearch counts: 390 terms parse, 10,000 are refused at the first term', () => {
    expect(parse(orChain(390)).ok).toBe(true);
    const text = orChain(10_000);
    expect(expectRefused(parse(text), text, EXPRESSION_DEPTH_MESSAGE)).toEqual({ line: 1, column: `${NET} | where `.length + 1 });
  });

  it('5,000 nested parentheses', () => {
    const text = nestedParens(5_000);
    expect(expectRefused(parse(text), text, EXPRESSION_DEPTH_MESSAGE)).toEqual({ line: 1, column: 'from logs-endpoint.events.network-* | eval x = '.length + 401 });
  });

  it('5,000 nested function calls, and 399 are accepted', () => {
    const text = nestedCalls(5_000);
    const at = expectRefused(parse(text), text, EXPRESSION_DEPTH_MESSAGE);
    expect(at.line).toBe(1);
    expect(parse(nestedCalls(399)).ok).toBe(true);
  });

  it('5,000 unary minus and NOT chains, and 5,000 chained casts', () => {
    for (const text of [
      `row a = 1 | eval b = ${'- '.repeat(5_000)}a`,
      `row a = true | eval b = ${'not '.repeat(5_000)}a`,
      `row a = 1 | eval b = a${'::long'.repeat(5_000)}`,
    ]) {
      expectRefused(parse(text), text, EXPRESSION_DEPTH_MESSAGE);
    }
    expect(parse(`row a = 1 | eval b = a${'::long'.repeat(400)}`).ok).toBe(true);
  });

  it('5,000 piped commands: the pipe of the 501st processing command', () => {
    const text = pipes(5_000);
    const at = expectRefused(parse(text), text, QUERY_DEPTH_MESSAGE);
    expect(at).toEqual({ line: MAX_QUERY_DEPTH + 2, column: 1 });
    const longest = pipes(MAX_QUERY_DEPTH);
    expect(analyze(parsed(longest), longest, resolver).ok).toBe(true);
  });

  it('a lone expression too', () => {
    const text = `${'('.repeat(5_000)}1${')'.repeat(5_000)}`;
    const result = parseExpression(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0].message).toBe(EXPRESSION_DEPTH_MESSAGE);
  });

  it('never a RangeError from any stage, whatever the shape', () => {
    const shapes = [orChain(20_000), nestedParens(50_000), nestedCalls(20_000), pipes(20_000), `row a = [${'1, '.repeat(20_000)}1]`];
    for (const text of shapes) {
      const r = parse(text);
      if (!r.ok) continue;
      expect(() => print(r.query)).not.toThrow();
      const a = analyze(r.query, text, () => ({ indices: ['logs-endpoint.events.network-default'], fields: NETWORK_FIELDS }));
      expect(a.ok || a.errors.every((e) => !e.message.startsWith('Internal error'))).toBe(true);
    }
  });
});
