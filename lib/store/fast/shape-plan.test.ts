import { describe, expect, it } from 'vitest';
import { makeSchema } from '../documents';
import { ecsMapping } from '../ecs-mapping';
import { flattenMapping, type FlatMapping } from '../mapping';
import { planShape } from './shape-plan';

function schemaOf(mapping: Record<string, unknown>, template?: Record<string, unknown>) {
  const flat = flattenMapping(mapping) as FlatMapping;
  return makeSchema(flat, mapping, template ? (flattenMapping(template) as FlatMapping) : undefined);
}

const MAPPING = {
  dynamic: false,
  properties: {
    '@timestamp': { type: 'date' },
    process: { properties: { name: { type: 'keyword', fields: { text: { type: 'match_only_text' } } }, pid: { type: 'long' } } },
    tags: { type: 'keyword' },
    ratio: { type: 'double' },
    lc: { type: 'keyword', normalizer: 'lowercase' },
  },
};

describe('planShape', () => {
  it('plans mapped leaves with their kinds, multi-fields and arrays', () => {
    const plan = planShape('{"@timestamp":s,"process":{"name":s,"pid":i},"tags":[sz],"other":s}', schemaOf(MAPPING));
    expect(plan.fast).toBe(true);
    if (!plan.fast) return;
    expect(plan.leaves.map((l) => [l.path, l.kind, l.array, l.children.map((c) => c.name)])).toEqual([
      ['@timestamp', 's', false, []],
      ['process.name', 's', false, ['process.name.text']],
      ['process.pid', 'i', false, []],
      ['tags', 's', true, []],
    ]);
    expect(plan.adds).toEqual([]);
  });

  it('skips nulls and empty arrays, as documentToRow does', () => {
    const plan = planShape('{"tags":[],"ratio":z,"process":{"name":[z]}}', schemaOf(MAPPING));
    expect(plan).toEqual({ fast: true, leaves: [], adds: [], emptyArrays: ['tags', 'process.name'] });
  });

  it.each([
    ['{"process.name":s}', 'dotted'],
    ['{"":s}', 'empty'],
    ['{"tags":s,"tags":s}', 'duplicate'],
    ['{"process":s}', 'object'],
    ['{"tags":{"a":s}}', 'leaf'],
    ['{"process":{"pid":s}}', 'kind'],
    ['{"tags":i}', 'kind'],
    ['{"tags":[si]}', 'mixed'],
    ['{"ratio":[f]}', 'kind'],
    ['{"lc":i}', 'kind'],
  ])('refuses %s (%s)', (shape, why) => {
    const plan = planShape(shape, schemaOf(MAPPING));
    expect(plan.fast).toBe(false);
    if (!plan.fast) expect(plan.why).toContain(why);
  });

  it('refuses unmapped fields of a dynamic mapping: they are mapped on first sight, by value', () => {
    expect(planShape('{"new":s}', schemaOf({ properties: {} })).fast).toBe(false);
  });

  it('maps ECS fields on first sight and lists them as adds', () => {
    const plan = planShape('{"host":{"name":s,"ip":[s]},"custom":s}', schemaOf({ dynamic: false, properties: {} }, ecsMapping()));
    expect(plan.fast).toBe(true);
    if (!plan.fast) return;
    expect(plan.adds).toEqual(['host.name', 'host.ip']);
    expect(plan.leaves.map((l) => l.field.type)).toEqual(['keyword', 'ip']);
  });
});
