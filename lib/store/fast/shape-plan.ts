/**
 * Which documents of a shape (fast/shape-scan.ts) DuckDB may read natively, and how: the mapped
 * leaves the shape fills, each with the JSON kind it holds. A shape is refused whenever
 * `documentToRow` would do anything but read plain values into mapped leaves (reject the document,
 * map a field dynamically, merge dotted keys, coerce across kinds): those documents keep the exact
 * JS path. Pure.
 */
import type { DocumentSchema } from '../documents';
import { physicalType, type LeafField } from '../mapping';

/** A JSON kind the native reader takes: string, integer, other number, boolean. */
export type ValueKind = 's' | 'i' | 'f' | 'b';

export interface PlannedLeaf {
  /** The leaf's path, also its physical column (`process.parent.name`). */
  path: string;
  /** Object keys from the document root to the value, as the reader's struct columns nest them. */
  keys: string[];
  field: LeafField;
  kind: ValueKind;
  array: boolean;
  /** Multi-fields fed from the same values. */
  children: LeafField[];
}

export type ShapePlan =
  | {
      fast: true;
      leaves: PlannedLeaf[];
      /** template leaves the mapping gains on first sight */
      adds: string[];
      /**
       * Paths holding `[]` or `[null]`: no value, but a batch that reads the path as a scalar for
       * other lines would read these as the text `[]`.
       */
      emptyArrays: string[];
    }
  | { fast: false; why: string };

type ShapeValue = { t: 'scalar'; kind: string } | { t: 'array'; kinds: string } | { t: 'object'; entries: [string, ShapeValue][] };

class Refused {
  constructor(readonly why: string) {}
}

/** Parses the signature grammar of fast/shape-scan.ts (keys hold no `"` or `\`). */
function parseShape(shape: string): ShapeValue {
  let at = 0;
  const value = (): ShapeValue => {
    const c = shape[at];
    if (c === '{') {
      at++;
      const entries: [string, ShapeValue][] = [];
      if (shape[at] === '}') {
        at++;
        return { t: 'object', entries };
      }
      for (;;) {
        if (shape[at] !== '"') throw new Refused('bad shape');
        const end = shape.indexOf('"', at + 1);
        if (end < 0 || shape[end + 1] !== ':') throw new Refused('bad shape');
        const key = shape.slice(at + 1, end);
        at = end + 2;
        entries.push([key, value()]);
        if (shape[at] === ',') {
          at++;
          continue;
        }
        if (shape[at] !== '}') throw new Refused('bad shape');
        at++;
        return { t: 'object', entries };
      }
    }
    if (c === '[') {
      const end = shape.indexOf(']', at);
      if (end < 0) throw new Refused('bad shape');
      const kinds = shape.slice(at + 1, end);
      at = end + 1;
      return { t: 'array', kinds };
    }
    at++;
    return { t: 'scalar', kind: c };
  };
  const root = value();
  if (at !== shape.length || root.t !== 'object') throw new Refused('bad shape');
  return root;
}

const KEYWORDS = new Set(['keyword', 'constant_keyword', 'wildcard', 'version']);
const TEXTS = new Set(['text', 'match_only_text']);
const WHOLES = new Set(['long', 'integer', 'short', 'byte', 'unsigned_long']);
const FLOATS = new Set(['double', 'float', 'half_float', 'scaled_float']);

/** Whether the reader turns a value of `kind` into exactly what coerceValue makes of it. */
function takes(field: LeafField, kind: ValueKind, array: boolean): boolean {
  if (KEYWORDS.has(field.type)) return kind === 's' && (field.normalizer === undefined || field.normalizer === 'lowercase');
  if (field.normalizer !== undefined) return false;
  if (TEXTS.has(field.type) || field.type === 'ip') return kind === 's';
  if (WHOLES.has(field.type)) return kind === 'i';
  // JS orders -0 and 0 as equal but keeps their order; a list sort need not: arrays keep the JS path
  if (FLOATS.has(field.type)) return !array && (kind === 'i' || kind === 'f');
  if (field.type === 'boolean') return kind === 'b';
  if (field.type === 'date') return kind === 's' || kind === 'i';
  return false;
}

interface Resolution {
  leaf?: LeafField;
  fromTemplate: boolean;
}

/** The leaf a concrete value at `path` lands in, following documentToRow's collectValue. */
function resolveConcrete(schema: DocumentSchema, path: string): Resolution {
  const { flat, template } = schema;
  const leaf = flat.byName.get(path);
  if (leaf?.parent) {
    if (!flat.dynamic) return { fromTemplate: false };
    throw new Refused(`multi-field [${path}] given a value`);
  }
  if (leaf) return { leaf, fromTemplate: false };
  const candidate = template?.byName.get(path);
  if (candidate && !candidate.parent) return { leaf: candidate, fromTemplate: true };
  if (flat.objects.has(path) || template?.objects.has(path)) throw new Refused(`concrete value at object [${path}]`);
  if (flat.dynamic) throw new Refused(`unmapped [${path}] in a dynamic mapping`);
  return { fromTemplate: false };
}

function childrenOf(schema: DocumentSchema, leaf: LeafField, fromTemplate: boolean): LeafField[] {
  if (!fromTemplate) return schema.children.get(leaf.name) ?? [];
  return schema.template!.fields.filter((f) => f.parent === leaf.name);
}

function walk(schema: DocumentSchema, entries: [string, ShapeValue][], keys: string[], out: ShapePlan & { fast: true }): void {
  const seen = new Set<string>();
  for (const [key, value] of entries) {
    if (key === '' || key.includes('.')) throw new Refused(`dotted or empty key [${key}]`);
    if (seen.has(key)) throw new Refused(`duplicate key [${key}]`);
    seen.add(key);
    const path = [...keys, key].join('.');
    if (value.t === 'object') {
      if (schema.flat.byName.has(path) || schema.template?.byName.has(path)) throw new Refused(`object at leaf [${path}]`);
      // A dynamic mapping may map this path as a leaf while earlier lines wait for the JS path; only
      // paths already known as objects are certain to stay objects.
      if (schema.flat.dynamic && !schema.flat.objects.has(path)) throw new Refused(`unmapped object [${path}] in a dynamic mapping`);
      walk(schema, value.entries, [...keys, key], out);
      continue;
    }
    const kinds = (value.t === 'array' ? value.kinds : value.kind).replace('z', '');
    if (kinds === '') {
      // null, [] and [null]: no value, as in collectValue
      if (value.t === 'array') out.emptyArrays.push(path);
      continue;
    }
    if (kinds.length > 1) throw new Refused(`mixed kinds at [${path}]`);
    const kind = kinds as ValueKind;
    const array = value.t === 'array';
    const { leaf, fromTemplate } = resolveConcrete(schema, path);
    if (!leaf) continue; // unmapped in a mapping that is not dynamic: dropped
    const children = childrenOf(schema, leaf, fromTemplate);
    if (physicalType(leaf.type) === undefined) {
      if (children.some((c) => physicalType(c.type) !== undefined)) throw new Refused(`multi-fields of unstored [${path}]`);
      if (fromTemplate) out.adds.push(path);
      continue;
    }
    for (const f of [leaf, ...children]) {
      if (physicalType(f.type) !== undefined && !takes(f, kind, array)) throw new Refused(`[${f.name}] (${f.type}) given kind ${kind}`);
    }
    if (fromTemplate) out.adds.push(path);
    out.leaves.push({ path, keys: [...keys, key], field: leaf, kind, array, children: children.filter((c) => physicalType(c.type) !== undefined) });
  }
}

/** The plan for documents of `shape` under `schema` (read only: the caller applies `adds`). */
export function planShape(shape: string, schema: DocumentSchema): ShapePlan {
  try {
    const root = parseShape(shape);
    const out: ShapePlan & { fast: true } = { fast: true, leaves: [], adds: [], emptyArrays: [] };
    if (root.t === 'object') walk(schema, root.entries, [], out);
    return out;
  } catch (e) {
    if (e instanceof Refused) return { fast: false, why: e.why };
    throw e;
  }
}
