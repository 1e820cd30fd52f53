/**
 * ES|QL data types as Elasticsearch names them in the `_query` response `columns[].type`.
 * Mapping types that widen (byte, short → integer; float, half_float, scaled_float → double;
 * constant_keyword, wildcard → keyword; match_only_text → text) are resolved by `esqlTypeOfMapping`
 * (docs/esql-semantics.md §3 for the types, §5 for the mappings).
 */
export type EsqlType =
  | 'keyword'
  | 'text'
  | 'integer'
  | 'long'
  | 'unsigned_long'
  | 'double'
  | 'boolean'
  | 'date'
  | 'date_nanos'
  | 'ip'
  | 'version'
  | 'null'
  | 'unsupported'
  /** Only as intermediate expression types: `7 day` and `1 hour`. Never a column type. */
  | 'date_period'
  | 'time_duration';

/** The Elasticsearch mapping type of a field as written in a mapping (`{"type": "keyword"}`). */
export type MappingType = string;

export function esqlTypeOfMapping(mappingType: MappingType): EsqlType {
  switch (mappingType) {
    case 'keyword':
    case 'constant_keyword':
    case 'wildcard':
      return 'keyword';
    case 'text':
    case 'match_only_text':
    case 'semantic_text':
      return 'text';
    case 'byte':
    case 'short':
    case 'integer':
      return 'integer';
    case 'long':
      return 'long';
    case 'unsigned_long':
      return 'unsigned_long';
    case 'float':
    case 'half_float':
    case 'scaled_float':
    case 'double':
      return 'double';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'date_nanos':
      return 'date_nanos';
    case 'ip':
      return 'ip';
    case 'version':
      return 'version';
    default:
      return 'unsupported';
  }
}

export function isNumeric(t: EsqlType): boolean {
  return t === 'integer' || t === 'long' || t === 'double' || t === 'unsigned_long';
}

export function isStringLike(t: EsqlType): boolean {
  return t === 'keyword' || t === 'text';
}

/**
 * The schema of the indices a FROM resolves to, as the analyzer needs it: each queryable field
 * (flat dotted name, multi-fields such as `process.name.caseless` included) with its ES|QL type.
 * A field mapped with conflicting types across the matched indices is `unsupported` and its
 * `conflicts` lists `type in index` pairs for the error message.
 */
export interface ResolvedField {
  name: string;
  type: EsqlType;
  conflicts?: { type: string; indices: string[] }[];
}

export interface ResolvedSources {
  /** Concrete index names matched, sorted. */
  indices: string[];
  fields: ResolvedField[];
}

/**
 * Resolves FROM patterns against the mappings a backend knows. Returns `{ unknown: pattern }` for
 * the first pattern that matches no index, so the analyzer can report `Unknown index [pattern]`.
 */
export type SourceResolver = (patterns: string[]) => ResolvedSources | { unknown: string };
