/**
 * Elasticsearch mappings (`{"properties": …}`) flattened to leaf fields, and the physical DuckDB
 * column type of each (lib/store/layout.ts). Multi-fields (`process.name.caseless`) are leaves of
 * their own whose values the ingest derives from the parent's.
 */
import 'server-only';
import { scalingFactorProblem } from './float-precision';

export interface LeafField {
  /** Flat dotted name, multi-fields included (`process.name.caseless`). */
  name: string;
  /** Mapping type as written (`keyword`, `match_only_text`, `long`, …). */
  type: string;
  /** For a multi-field: the field whose values it indexes. */
  parent?: string;
  normalizer?: string;
  /** A constant_keyword's `value`: every document of the index reads it (docs/esql-semantics.md §5). */
  constant?: string;
  /** A scaled_float's `scaling_factor` (values are stored rounded to it: float-precision.ts). */
  scalingFactor?: number;
}

export interface FlatMapping {
  /** Leaves in mapping order, parents before their multi-fields. */
  fields: LeafField[];
  byName: Map<string, LeafField>;
  /** Object paths (`process`, `process.parent`) that hold sub-fields: a concrete value there is an error. */
  objects: Set<string>;
  /** Whether unmapped fields get mapped on first sight (Elasticsearch `dynamic: true`). */
  dynamic: boolean;
  /**
   * What Elasticsearch would refuse when creating an index with this mapping, but an index stored
   * before the store checked it may hold (read leniently): mappingProblem.
   */
  problems: string[];
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether a mapping's top-level `dynamic` lets new fields in; `strict` keeps them out too (we never reject for it). */
export function isDynamic(mapping: unknown): boolean {
  const d = isObject(mapping) ? mapping.dynamic : undefined;
  return !(d === false || d === 'false' || d === 'strict');
}

/** Flattens `{"properties": …}`; an invalid mapping is an error the caller reports. */
export function flattenMapping(mapping: unknown): FlatMapping | { error: string } {
  if (!isObject(mapping)) return { error: 'mapping must be an object with "properties"' };
  const flat: FlatMapping = { fields: [], byName: new Map(), objects: new Set(), dynamic: isDynamic(mapping), problems: [] };
  const props = mapping.properties ?? {};
  if (!isObject(props)) return { error: '[properties] must be an object' };
  const err = walk(props, '', flat);
  return err ? { error: err } : flat;
}

function addLeaf(flat: FlatMapping, leaf: LeafField): void {
  if (flat.byName.has(leaf.name)) return;
  flat.fields.push(leaf);
  flat.byName.set(leaf.name, leaf);
}

function walk(props: Json, prefix: string, flat: FlatMapping): string | undefined {
  for (const [key, def] of Object.entries(props)) {
    const name = prefix + key;
    if (!isObject(def)) return `mapping of [${name}] must be an object`;
    const type = typeof def.type === 'string' ? def.type : undefined;
    if (def.properties !== undefined || type === undefined || type === 'object' || type === 'nested') {
      const sub = def.properties ?? {};
      if (!isObject(sub)) return `[properties] of [${name}] must be an object`;
      flat.objects.add(name);
      for (let i = name.indexOf('.'); i > 0; i = name.indexOf('.', i + 1)) flat.objects.add(name.slice(0, i));
      const err = walk(sub, name + '.', flat);
      if (err) return err;
      continue;
    }
    for (let i = name.indexOf('.'); i > 0; i = name.indexOf('.', i + 1)) flat.objects.add(name.slice(0, i));
    const scaling = scalingOf(flat, name, type, def);
    addLeaf(flat, {
      name,
      type,
      ...(typeof def.normalizer === 'string' ? { normalizer: def.normalizer } : {}),
      ...(type === 'constant_keyword' && typeof def.value === 'string' ? { constant: def.value } : {}),
      ...scaling,
    });
    if (def.fields !== undefined) {
      if (!isObject(def.fields)) return `[fields] of [${name}] must be an object`;
      for (const [subKey, subDef] of Object.entries(def.fields)) {
        if (!isObject(subDef) || typeof subDef.type !== 'string') return `multi-field [${name}.${subKey}] needs a type`;
        const subScaling = scalingOf(flat, `${name}.${subKey}`, subDef.type, subDef);
        addLeaf(flat, {
          name: `${name}.${subKey}`,
          type: subDef.type,
          parent: name,
          ...(typeof subDef.normalizer === 'string' ? { normalizer: subDef.normalizer } : {}),
          ...subScaling,
        });
      }
    }
  }
  return undefined;
}

/**
 * A scaled_float's factor. A missing or invalid one is noted as a problem, not an error: indices
 * mapped before the store kept factors must still read (their leaf keeps double precision); a new
 * mapping with one is refused where the index is created (mappingProblem).
 */
function scalingOf(flat: FlatMapping, name: string, type: string, def: Json): { scalingFactor?: number } {
  if (type !== 'scaled_float') return {};
  const problem = scalingFactorProblem(def.scaling_factor);
  if (problem) {
    flat.problems.push(`[${name}]: ${problem}`);
    return {};
  }
  return { scalingFactor: Number(def.scaling_factor) };
}

/** Why Elasticsearch would refuse to create an index with this (flattened) mapping, if it would. */
export function mappingProblem(flat: FlatMapping): string | undefined {
  return flat.problems[0];
}

/**
 * `obj[key]` as an own property, created by `make` when absent. Field names come from ingested
 * documents: `obj[key] ??= …` would follow `__proto__`, `constructor` or `toString` up the
 * prototype chain and write into Object.prototype (prototype pollution).
 */
function ownChild(obj: Json, key: string, make: () => Json): Json {
  if (!Object.hasOwn(obj, key)) setOwn(obj, key, make());
  return obj[key] as Json;
}

function setOwn(obj: Json, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Sets a leaf (or multi-field) into a nested `{"properties": …}` mapping, creating objects on the way. */
export function addToMapping(mapping: Json, field: string, def: Json): void {
  let props = ownChild(mapping, 'properties', () => ({}));
  const parts = field.split('.');
  for (const part of parts.slice(0, -1)) props = ownChild(ownChild(props, part, () => ({ properties: {} })), 'properties', () => ({}));
  setOwn(props, parts[parts.length - 1], def);
}

export type PhysicalType = 'VARCHAR' | 'BIGINT' | 'INTEGER' | 'DOUBLE' | 'UBIGINT' | 'BOOLEAN';

/** The DuckDB type of a leaf's column, or undefined for types the store does not materialise (geo_point, flattened, …). */
export function physicalType(mappingType: string): PhysicalType | undefined {
  switch (mappingType) {
    case 'keyword':
    case 'text':
    case 'wildcard':
    case 'constant_keyword':
    case 'match_only_text':
    case 'version':
    case 'ip':
      return 'VARCHAR';
    case 'long':
    case 'date':
      return 'BIGINT';
    case 'integer':
    case 'short':
    case 'byte':
      return 'INTEGER';
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float':
      return 'DOUBLE';
    case 'unsigned_long':
      return 'UBIGINT';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return undefined;
  }
}
