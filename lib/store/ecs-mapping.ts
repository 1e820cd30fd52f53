/**
 * The mapping an index named `logs-*` gets without an explicit one: ECS field types from
 * @elastic/ecs, as Elasticsearch's `logs-*-*` template does (docs/esql-semantics.md §5). Not dynamic: fields outside ECS are
 * kept out of the columns.
 */
import 'server-only';
import { EcsFlat } from '@elastic/ecs';
import { addToMapping } from './mapping';

interface EcsFieldDef {
  type: string;
  scaling_factor?: number;
  multi_fields?: { name: string; type: string; normalizer?: string }[];
}

/** Types ECS uses that are containers, not leaves. */
const NOT_LEAF = new Set(['object', 'nested', 'flattened', 'geo_point']);

let cached: Record<string, unknown> | undefined;

export function ecsMapping(): Record<string, unknown> {
  if (cached) return structuredClone(cached);
  const mapping: Record<string, unknown> = { dynamic: false, properties: {} };
  const entries = Object.entries(EcsFlat as unknown as Record<string, EcsFieldDef>).sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [name, def] of entries) {
    if (NOT_LEAF.has(def.type)) continue;
    const leaf: Record<string, unknown> = { type: def.type };
    // scaled_float values are stored rounded to their factor (float-precision.ts)
    if (def.scaling_factor !== undefined) leaf.scaling_factor = def.scaling_factor;
    if (def.multi_fields?.length) {
      const fields: Record<string, unknown> = {};
      for (const mf of def.multi_fields) fields[mf.name] = { type: mf.type, ...(mf.normalizer ? { normalizer: mf.normalizer } : {}) };
      leaf.fields = fields;
    }
    addToMapping(mapping, name, leaf);
  }
  cached = mapping;
  return structuredClone(mapping);
}

/** Marks a stored mapping as grown from ECS, so later ingests keep mapping ECS fields on first sight. */
export const ECS_META = { huntboard: 'ecs' } as const;

export function isEcsGrown(mapping: Record<string, unknown> | undefined): boolean {
  const meta = mapping?._meta;
  return typeof meta === 'object' && meta !== null && (meta as Record<string, unknown>).huntboard === 'ecs';
}

export function usesEcsByDefault(index: string): boolean {
  return index.startsWith('logs-');
}
