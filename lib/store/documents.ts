/**
 * One document → one row of physical column values (layout.ts), under an index's mapping:
 * nested objects and dotted keys flattened alike, arrays as multi-values, values coerced, multi-fields
 * derived from their parent, unmapped fields dropped (or mapped, when the mapping is dynamic).
 */
import 'server-only';
import { parseDate } from './dates';
import { CoercionFailure, coerceValue, multiValueOrder, orderValues } from './coerce';
import { addToMapping, physicalType, type FlatMapping, type LeafField } from './mapping';
import { mvColumn } from './layout';
import { documentId, ID_COLUMN, withoutId } from './document-id';

/** Physical column → value (a list for `#mv` columns). A Map: rows have dozens of dotted keys. */
export type Row = Map<string, unknown>;

export type RowResult = { ok: true; row: Row; multiValued: string[] } | { ok: false; reason: string };

/** The mapping as ingest sees it; dynamic ingests add to it (and mark it changed so it is persisted). */
export interface DocumentSchema {
  flat: FlatMapping;
  mapping: Record<string, unknown>;
  changed: boolean;
  /** parent → its multi-fields */
  children: Map<string, LeafField[]>;
  /**
   * Fields mapped on first sight with a known type (ECS for `logs-*`, as Elasticsearch's
   * `ecs@mappings` dynamic templates do), so an index's mapping lists only fields it has seen.
   */
  template?: FlatMapping;
}

export function makeSchema(flat: FlatMapping, mapping: Record<string, unknown>, template?: FlatMapping): DocumentSchema {
  const children = new Map<string, LeafField[]>();
  for (const f of flat.fields) {
    if (f.parent) {
      const list = children.get(f.parent) ?? [];
      list.push(f);
      children.set(f.parent, list);
    }
  }
  return { flat, mapping, changed: false, children, ...(template ? { template } : {}) };
}

type Json = Record<string, unknown>;

class Rejected {
  constructor(readonly reason: string) {}
}

/**
 * Elasticsearch parses documents with Jackson, which refuses JSON nested deeper than 1000 objects
 * and arrays; the walks below recurse once per level, so the bound also keeps them off the end
 * of the stack (and a cyclic object handed to ingestDocuments ends here too).
 */
export const MAX_NESTING_DEPTH = 1000;

function tooDeep(): Rejected {
  return new Rejected(`Document nesting depth (${MAX_NESTING_DEPTH + 1}) exceeds the maximum allowed (${MAX_NESTING_DEPTH})`);
}

/** Elasticsearch's `index.mapping.depth.limit` default (docs/esql-semantics.md §5): an object mapping is at most this deep (the root being 1). */
export const MAPPING_DEPTH_LIMIT = 20;

/**
 * Mapping a field at `path` dynamically creates its parent objects; Elasticsearch refuses the
 * document when one of them would lie deeper than the limit (the root is depth 1, `a` depth 2).
 */
function checkMappingDepth(flat: FlatMapping, path: string): void {
  let dots = 0;
  for (let i = path.indexOf('.'); i > 0; i = path.indexOf('.', i + 1)) {
    // the object ending here is at depth dots + 2
    if (dots + 2 > MAPPING_DEPTH_LIMIT && !flat.objects.has(path.slice(0, i))) {
      throw new Rejected(`Limit of mapping depth [${MAPPING_DEPTH_LIMIT}] has been exceeded due to object field [${path.slice(0, i)}]`);
    }
    dots++;
  }
}

function isPlainObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Elasticsearch's dynamic mapping for a first value (docs/esql-semantics.md §5): strings that look like dates → date, others → text + keyword. */
function dynamicDefinition(value: unknown): Json | undefined {
  if (typeof value === 'boolean') return { type: 'boolean' };
  // a bigint is an integer past 2^53 (big-integers.ts)
  if (typeof value === 'number' || typeof value === 'bigint') return { type: typeof value === 'bigint' || Number.isInteger(value) ? 'long' : 'double' };
  if (typeof value === 'string') {
    if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}/.test(value) && parseDate(value) !== undefined) return { type: 'date' };
    return { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } };
  }
  return undefined;
}

function addDynamicField(schema: DocumentSchema, path: string, value: unknown): LeafField | undefined {
  const def = dynamicDefinition(value);
  if (!def) return undefined;
  for (let i = path.indexOf('.'); i > 0; i = path.indexOf('.', i + 1)) {
    const prefix = path.slice(0, i);
    const existing = schema.flat.byName.get(prefix);
    if (existing) {
      throw new Rejected(
        `Could not dynamically add mapping for field [${path}]. Existing mapping for [${prefix}] must be of type object but found [${existing.type}].`,
      );
    }
  }
  checkMappingDepth(schema.flat, path);
  addToMapping(schema.mapping, path, def);
  schema.changed = true;
  for (let i = path.indexOf('.'); i > 0; i = path.indexOf('.', i + 1)) schema.flat.objects.add(path.slice(0, i));
  const leaf: LeafField = { name: path, type: def.type as string };
  schema.flat.fields.push(leaf);
  schema.flat.byName.set(path, leaf);
  const fields = def.fields as Record<string, Json> | undefined;
  for (const [sub, subDef] of Object.entries(fields ?? {})) {
    const child: LeafField = { name: `${path}.${sub}`, type: subDef.type as string, parent: path };
    schema.flat.fields.push(child);
    schema.flat.byName.set(child.name, child);
    schema.children.set(path, [...(schema.children.get(path) ?? []), child]);
  }
  return leaf;
}

/** A template leaf's mapping as the index stores it. */
function leafDefinition(f: LeafField): Json {
  return {
    type: f.type,
    ...(f.normalizer ? { normalizer: f.normalizer } : {}),
    ...(f.scalingFactor !== undefined ? { scaling_factor: f.scalingFactor } : {}),
  };
}

export function addTemplateField(schema: DocumentSchema, template: FlatMapping, path: string): LeafField | undefined {
  const leaf = template.byName.get(path);
  if (!leaf || leaf.parent) return undefined;
  const subs = template.fields.filter((f) => f.parent === path);
  const def: Json = leafDefinition(leaf);
  if (subs.length) def.fields = Object.fromEntries(subs.map((f) => [f.name.slice(path.length + 1), leafDefinition(f)]));
  addToMapping(schema.mapping, path, def);
  schema.changed = true;
  for (let i = path.indexOf('.'); i > 0; i = path.indexOf('.', i + 1)) schema.flat.objects.add(path.slice(0, i));
  for (const f of [leaf, ...subs]) {
    schema.flat.fields.push(f);
    schema.flat.byName.set(f.name, f);
  }
  if (subs.length) schema.children.set(path, subs);
  return leaf;
}

/** Interned `prefix + key` paths: the same few dozen paths recur in every document. */
const pathCache = new Map<string, Map<string, string>>();

function joinPath(prefix: string, key: string): string {
  let byKey = pathCache.get(prefix);
  if (!byKey) {
    // bounded: documents with ever-new keys must not grow the cache without limit
    if (pathCache.size >= 10_000) return prefix + key;
    byKey = new Map();
    pathCache.set(prefix, byKey);
  }
  let p = byKey.get(key);
  if (p === undefined) {
    p = prefix + key;
    if (byKey.size < 10_000) byKey.set(key, p);
  }
  return p;
}

function collect(schema: DocumentSchema, obj: Json, prefix: string, out: Map<string, unknown>, depth: number): void {
  for (const key in obj) {
    // An empty name (`""`, `a..b`, `.a`, `a.`) would become an empty column name; Elasticsearch refuses it too.
    if (key === '' || key.startsWith('.') || key.endsWith('.') || key.includes('..')) throw new Rejected(`field name cannot be an empty string: [${prefix}${key}]`);
    collectValue(schema, joinPath(prefix, key), obj[key], out, depth);
  }
}

/** `value` sits in a container (object or array) at nesting `depth`, the document itself being 1. */
function collectValue(schema: DocumentSchema, path: string, value: unknown, out: Map<string, unknown>, depth: number): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    if (depth >= MAX_NESTING_DEPTH) throw tooDeep();
    for (const v of value) collectValue(schema, path, v, out, depth + 1);
    return;
  }
  // ingestDocuments may be handed JS dates; they mean what their JSON form means
  if (value instanceof Date) value = value.toISOString();
  const { flat } = schema;
  let leaf = flat.byName.get(path);
  if (isPlainObject(value)) {
    if (leaf) throw new Rejected(`field [${path}]: Can't get text on a START_OBJECT`);
    if (depth >= MAX_NESTING_DEPTH) throw tooDeep();
    collect(schema, value, joinPath(path, '.'), out, depth + 1);
    return;
  }
  if (leaf?.parent) {
    if (!flat.dynamic) return;
    throw new Rejected(
      `Could not dynamically add mapping for field [${path}]. Existing mapping for [${leaf.parent}] must be of type object but found [${flat.byName.get(leaf.parent)?.type}].`,
    );
  }
  if (!leaf && schema.template) leaf = addTemplateField(schema, schema.template, path);
  if (!leaf) {
    if (flat.objects.has(path) || schema.template?.objects.has(path)) {
      throw new Rejected(`object mapping for [${path}] tried to parse field [${path}] as object, but found a concrete value`);
    }
    if (!flat.dynamic) return;
    leaf = addDynamicField(schema, path, value);
    if (!leaf) return;
  }
  // most fields hold one value: keep it bare and only build a list for the second one
  const prev = out.get(path);
  if (prev === undefined) out.set(path, value);
  else if (prev instanceof Several) prev.values.push(value);
  else out.set(path, new Several([prev, value]));
}

/** Two or more values of one field (a bare value in the map is a single one). */
class Several {
  constructor(readonly values: unknown[]) {}
}

function coerceOne(field: LeafField, v: unknown): string | number | bigint | boolean | null {
  const c = coerceValue(v, field.type, field.normalizer, field.scalingFactor);
  if (c instanceof CoercionFailure) throw new Rejected(`field [${field.name}]: ${c.error}`);
  return c;
}

function store(row: Row, multiValued: string[], field: LeafField, raw: unknown): void {
  if (physicalType(field.type) === undefined) return;
  if (!(raw instanceof Several)) {
    const c = coerceOne(field, raw);
    if (c !== null) row.set(field.name, c);
    return;
  }
  const coerced: unknown[] = [];
  for (const v of raw.values) {
    const c = coerceOne(field, v);
    if (c !== null) coerced.push(c);
  }
  const values = orderValues(coerced, multiValueOrder(field.type));
  if (values.length === 1) {
    row.set(field.name, values[0]);
  } else if (values.length > 1) {
    row.set(mvColumn(field.name), values);
    multiValued.push(field.name);
  }
}

/** The row of a document, or why Elasticsearch would refuse it. */
export function documentToRow(doc: unknown, schema: DocumentSchema): RowResult {
  if (!isPlainObject(doc)) return { ok: false, reason: 'Malformed content, must start with an object' };
  const id = documentId(doc);
  if (!id.ok) return id;
  const raw = new Map<string, unknown>();
  try {
    collect(schema, id.id === undefined ? doc : withoutId(doc), '', raw, 1);
    const row: Row = new Map();
    if (id.id !== undefined) row.set(ID_COLUMN, id.id);
    const multiValued: string[] = [];
    for (const [path, values] of raw) {
      const field = schema.flat.byName.get(path)!;
      store(row, multiValued, field, values);
      const children = schema.children.get(path);
      if (children) for (const child of children) store(row, multiValued, child, values);
    }
    return { ok: true, row, multiValued };
  } catch (e) {
    if (e instanceof Rejected) return { ok: false, reason: e.reason };
    throw e;
  }
}
