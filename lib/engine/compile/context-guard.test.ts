/** Warning probes under CASE/COALESCE guards: a branch warns only for the rows that evaluate it. */
import { describe, expect, it } from 'vitest';
import type { AnalyzedQuery } from '../../esql';
import { CompileContext } from './context';

const span = { start: 0, end: 1 };
const context = () =>
  new CompileContext({} as AnalyzedQuery, { nowMs: 0, cidrMatchMultiValue: 'single-value' }, () => {
    throw new Error('no functions here');
  });

describe('CompileContext.guarded', () => {
  it('limits the probes recorded inside to the rows where every enclosing guard holds', () => {
    const ctx = context();
    ctx.addProbe(span, 'a');
    ctx.guarded('g1', () => {
      ctx.addProbe(span, 'b');
      ctx.guarded('g2', () => ctx.addProbe(span, 'c'));
    });
    ctx.addProbe(span, 'd');
    expect(ctx.probes.map((p) => p.condition)).toEqual(['a', '(g1) AND (b)', '(g1 AND g2) AND (c)', 'd']);
  });

  it('adds no guard over aggregates, where its SQL would name aggregate results', () => {
    const ctx = context();
    ctx.aggregateMode = true;
    ctx.guarded('sum(a) > 0', () => ctx.addProbe(span, 'b'));
    expect(ctx.probes[0].condition).toBe('b');
  });

  it('drops the guard when the body throws', () => {
    const ctx = context();
    const fail = () => {
      throw new Error('x');
    };
    expect(() => ctx.guarded('g', fail)).toThrow('x');
    ctx.addProbe(span, 'after');
    expect(ctx.probes[0].condition).toBe('after');
  });
});
