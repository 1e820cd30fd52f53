import { describe, expect, it } from 'vitest';
import { javaFloatString, toFloat32, toHalfFloat, toScaledFloat } from './float-precision';
import { documentToRow, makeSchema } from './documents';
import { flattenMapping, mappingProblem, type FlatMapping } from './mapping';
import { ecsMapping } from './ecs-mapping';

describe('the precision Elasticsearch stores narrow floating-point types at', () => {
  it('float: the nearest 32-bit float (employees height.float)', () => {
    expect(toFloat32(2.03)).toBe(2.0299999713897705);
    expect(toFloat32(2.1)).toBe(2.0999999046325684);
    expect(toFloat32(1e39)).toEqual({ error: '[float] supports only finite values, but got [Infinity]' });
  });

  it('half_float: the float rounded to 16 bits, ties to even', () => {
    expect(toHalfFloat(2.03)).toBe(2.029296875);
    expect(toHalfFloat(2.08)).toBe(2.080078125);
    expect(toHalfFloat(1.63)).toBe(1.6298828125);
    expect(toHalfFloat(65504)).toBe(65504);
    expect(toHalfFloat(65519)).toBe(65504);
    // halfway between the smallest subnormal (2^-24) and 0: ties to the even one, 0
    expect(toHalfFloat(2 ** -25)).toBe(0);
    expect(toHalfFloat(3 * 2 ** -25)).toBe(2 ** -23);
    expect(toHalfFloat(-0.1)).toBe(-0.0999755859375);
    expect(toHalfFloat(65520)).toEqual({ error: '[half_float] supports only finite values, but got [65520.0]' });
  });

  it('scaled_float: Math.round(value × factor) over the factor, saturating at the long range', () => {
    expect(toScaledFloat(2.03, 100)).toBe(2.03);
    expect(toScaledFloat(1.63, 100)).toBe(1.63);
    expect(toScaledFloat(0.3, 10)).toBe(0.3);
    expect(toScaledFloat(0.005, 100)).toBe(0.01);
    // Java's Math.round: ties towards +∞, and a long has no -0
    expect(toScaledFloat(-0.005, 100)).toBe(0);
    expect(Object.is(toScaledFloat(-0.001, 100), 0)).toBe(true);
    expect(toScaledFloat(1e30, 100)).toBe(2 ** 63 / 100);
    expect(toScaledFloat(-1e30, 100)).toBe(-(2 ** 63) / 100);
  });

  it("prints floats as Java's Float.toString does, for the error texts", () => {
    expect(javaFloatString(70000)).toBe('70000.0');
    expect(javaFloatString(1e10)).toBe('1.0E10');
    expect(javaFloatString(Math.fround(0.1))).toBe('0.1');
    expect(javaFloatString(Math.fround(1e-5))).toBe('1.0E-5');
    expect(javaFloatString(Math.fround(123456.7))).toBe('123456.7');
  });
});

describe('ingest stores the rounded values', () => {
  const mapping = {
    properties: {
      h: { type: 'double', fields: { f: { type: 'float' }, hf: { type: 'half_float' }, sf: { type: 'scaled_float', scaling_factor: 100 } } },
      f: { type: 'float' },
    },
  };

  it('in multi-fields and multi-values, ordered after rounding', () => {
    const r = documentToRow({ h: 2.03, f: [2.1, 0.1, 2.1] }, makeSchema(flattenMapping(mapping) as FlatMapping, mapping));
    if (!r.ok) throw new Error(r.reason);
    expect(Object.fromEntries(r.row)).toEqual({
      h: 2.03,
      'h.f': 2.0299999713897705,
      'h.hf': 2.029296875,
      'h.sf': 2.03,
      'f#mv': [Math.fround(0.1), 2.0999999046325684, 2.0999999046325684],
    });
  });

  it('a scaled_float needs a positive scaling_factor, as Elasticsearch requires', () => {
    const unscaled = flattenMapping({ properties: { s: { type: 'scaled_float' } } }) as FlatMapping;
    expect(mappingProblem(unscaled)).toBe('[s]: Field [scaling_factor] is required');
    const zero = flattenMapping({ properties: { s: { type: 'scaled_float', scaling_factor: 0 } } }) as FlatMapping;
    expect(mappingProblem(zero)).toBe('[s]: [scaling_factor] must be a positive number, got [0]');
    // an index stored with such a mapping still reads, at double precision
    expect(zero.byName.get('s')).toEqual({ name: 's', type: 'scaled_float' });
  });

  it("ECS's scaled_float fields keep their factor", () => {
    const flat = flattenMapping(ecsMapping()) as FlatMapping;
    expect(flat.byName.get('host.cpu.usage')?.scalingFactor).toBe(1000);
    expect(mappingProblem(flat)).toBeUndefined();
  });
});
