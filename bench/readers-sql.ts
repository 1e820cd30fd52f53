/**
 * The SQL of the probe's DuckDB-only readers (ingest-readers.ts): `read_ndjson` with a schema made
 * from the mapping, (a) with DuckDB's own conversions, (b) with Elasticsearch's coercions written
 * in SQL. (b) is as much of lib/store/coerce.ts as it takes to show the cost, not all of it (a
 * keyword from a number keeps DuckDB's spelling of it, partial dates are not all read).
 */
import { physicalType, type LeafField } from '../lib/store/mapping';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The nested `columns={…}` of read_ndjson: a STRUCT per object, `leafType` at each leaf. */
export function columnsOf(fields: LeafField[], leafType: (field: LeafField) => string): string {
  type Tree = Map<string, Tree | string>;
  const root: Tree = new Map();
  for (const field of fields) {
    const parts = field.name.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      let child = node.get(part);
      if (typeof child !== 'object') node.set(part, (child = new Map()));
      node = child;
    }
    node.set(parts[parts.length - 1], leafType(field));
  }
  const struct = (tree: Tree): string => `STRUCT(${[...tree].map(([k, v]) => `${quote(k)} ${typeof v === 'string' ? v : struct(v)}`).join(', ')})`;
  return `{${[...root].map(([k, v]) => `${literal(k)}: ${literal(typeof v === 'string' ? v : struct(v))}`).join(', ')}}`;
}

/** `a.b.c` read from the nested struct. */
const path = (name: string) => name.split('.').map(quote).join('.');
/** A multi-field (`process.name.caseless`) has no value of its own: its parent's is read. */
const sourceOf = (f: LeafField) => f.parent ?? f.name;
const own = (fields: LeafField[]) => fields.filter((f) => f.parent === undefined);

/** (a): each mapped field as DuckDB reads it; dates as epoch milliseconds, as the store keeps them. */
export function plainSelect(file: string, fields: LeafField[]): string {
  const type = (f: LeafField) => (f.type === 'date' ? 'TIMESTAMPTZ' : physicalType(f.type) ?? 'VARCHAR');
  const columns = columnsOf(own(fields), type);
  const select = fields.map((f) => (f.type === 'date' ? `epoch_ms(${path(f.name)})` : path(sourceOf(f))) + ` AS ${quote(f.name)}`);
  return `SELECT ${select.join(', ')} FROM read_ndjson(${literal(file)}, columns=${columns})`;
}

const WHOLE: Record<string, [string, string, string]> = {
  long: ['-9223372036854775808', '9223372036854775807', 'a long'],
  integer: ['-2147483648', '2147483647', 'an integer'],
  short: ['-32768', '32767', 'a short'],
  byte: ['-128', '127', 'a byte'],
};
const ISO_DATE = String.raw`[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}(:[0-9]{2}(:[0-9]{2}([.,][0-9]{1,9})?)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?)?)?`;
const EPOCH = String.raw`-?[0-9]+(\.[0-9]+)?`;
const IPV4 = String.raw`((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])`;

/** Hex groups, one `::` at most. */
const IPV6 = String.raw`([0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4}){7})|(([0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4}){0,6})?::([0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4}){0,6})?)`;

/** `body` over `value` computed once, as `name` (DuckDB would otherwise evaluate each repetition of it). */
const bind = (value: string, name: string, body: string) => `list_transform([${value}], ${name} -> ${body})[1]`;

/** `::ffff:1.2.3.4` as `::ffff:0102:0304`; NULL for a malformed IPv4 tail. */
function ipv4Tail(s: string): string {
  const hex = `printf('%02x%02x:%02x%02x', ${[1, 2, 3, 4].map((i) => `v4[${i}]::INTEGER`).join(', ')})`;
  const withTail = bind(`regexp_extract(${s}, '[0-9.]+$')`, 'tail', `CASE WHEN regexp_full_match(tail, '${IPV4}') THEN regexp_replace(${s}, '[0-9.]+$', '') || ${bind("string_split(tail, '.')", 'v4', hex)} END`);
  return `CASE WHEN ${s} NOT LIKE '%.%' THEN ${s} ELSE ${withTail} END`;
}

/** The 32 hex digits of an IPv6 text `s` (NULL when it is not one): `::` widened to the missing zero groups, each group padded. */
function ipv6Hex(s: string): string {
  const groups = (part: string) => `list_filter(string_split(${part}, ':'), g -> g <> '')`;
  const all = `CASE WHEN ${s} LIKE '%::%' THEN ${bind(groups(`split_part(${s}, '::', 1)`), 'head', bind(groups(`split_part(${s}, '::', 2)`), 'tl', "list_concat(head, list_transform(range(8 - len(head) - len(tl)), i -> '0'), tl)"))} ELSE string_split(${s}, ':') END`;
  const hex = bind(all, 'grp', "CASE WHEN len(grp) = 8 THEN list_aggregate(list_transform(grp, g -> lpad(lower(g), 4, '0')), 'string_agg', '') END");
  return `CASE WHEN regexp_full_match(${s}, '${IPV6}') THEN ${hex} END`;
}

/** One JSON scalar `x` coerced to the field's type as Elasticsearch would; NULL when it does not fit. */
function coerce(x: string, field: LeafField): string {
  const t = `json_type(${x})`;
  const s = `(${x} ->> '$')`;
  switch (field.type) {
    case 'keyword':
    case 'constant_keyword':
    case 'wildcard':
    case 'version':
    case 'text':
    case 'match_only_text': {
      const text = `CASE WHEN ${t} IN ('OBJECT', 'ARRAY') THEN NULL ELSE ${s} END`;
      return field.normalizer === 'lowercase' ? `lower(${text})` : text;
    }
    case 'long':
    case 'integer':
    case 'short':
    case 'byte': {
      const [min, max] = WHOLE[field.type];
      const n = `CASE WHEN ${t} IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN ${s}::DOUBLE WHEN ${t} = 'VARCHAR' THEN TRY_CAST(${s} AS DOUBLE) END`;
      return `CASE WHEN ${n} BETWEEN ${min} AND ${max} THEN trunc(${n})::${physicalType(field.type)} END`;
    }
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float':
      return `CASE WHEN ${t} IN ('BIGINT', 'UBIGINT', 'DOUBLE', 'VARCHAR') THEN TRY_CAST(${s} AS DOUBLE) END`;
    case 'boolean':
      return `CASE WHEN ${t} = 'BOOLEAN' THEN ${x}::BOOLEAN WHEN ${s} = 'true' THEN true WHEN ${s} = 'false' THEN false END`;
    case 'ip':
      // IPv4 as the store keeps it: the IPv4-mapped IPv6 address in 32 hex digits
      return bind(s, 'ip', `CASE WHEN regexp_full_match(ip, '${IPV4}') THEN '00000000000000000000ffff' || list_aggregate(list_transform(string_split(ip, '.'), o -> printf('%02x', o::INTEGER)), 'string_agg', '') ELSE ${bind(ipv4Tail('ip'), 'ip6', ipv6Hex('ip6'))} END`);
    case 'date':
      return `CASE WHEN ${t} IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN trunc(${s}::DOUBLE)::BIGINT WHEN regexp_full_match(${s}, '${ISO_DATE}') THEN epoch_ms(TRY_CAST(${s} AS TIMESTAMPTZ)) WHEN regexp_full_match(${s}, '${EPOCH}') THEN trunc(${s}::DOUBLE)::BIGINT END`;
    default:
      return 'NULL';
  }
}

/** Elasticsearch's reason for a value that does not fit, as coerce.ts words it (the common cases). */
function reason(x: string, field: LeafField): string {
  const s = `(${x} ->> '$')`;
  const prefix = literal(`field [${field.name}]: `);
  switch (field.type) {
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
      return `${prefix} || CASE WHEN TRY_CAST(${s} AS DOUBLE) IS NULL THEN 'For input string: "' || ${s} || '"' ELSE 'Value [' || ${s} || '] is out of range for ${WHOLE[field.type][2]}' END`;
    case 'ip':
      return `${prefix} || '''' || ${s} || ''' is not an IP string literal.'`;
    case 'date':
      return `${prefix} || 'failed to parse date field [' || ${s} || '] with format [strict_date_optional_time||epoch_millis]'`;
    default:
      return `${prefix} || 'Can''t get text on a ' || json_type(${x})`;
  }
}

const SORTED_UNIQUE = new Set(['keyword', 'constant_keyword', 'wildcard', 'version', 'ip']);

/**
 * (b): every mapped field read as JSON, coerced as above; an array becomes the field's `#mv` list
 * (sorted and deduplicated where Elasticsearch's doc values are), a value that does not fit makes
 * the line's rejection reason, and rejected lines are left out of the part. Three layers, so that
 * each coercion is written (and run) once: raw JSON, coerced values, the row and its reason.
 */
export function coercingSelect(file: string, fields: LeafField[]): string {
  const stored = fields.filter((f) => physicalType(f.type) !== undefined);
  const columns = columnsOf(own(stored), () => 'JSON');
  const raw = (f: LeafField) => quote(`${sourceOf(f)}#raw`);
  const one = (f: LeafField) => quote(`${f.name}#one`);
  const list = (f: LeafField) => quote(`${f.name}#list`);
  const rawLayer = own(stored).map((f) => `${path(f.name)} AS ${raw(f)}`);
  const coercedLayer = stored.flatMap((f) => {
    const x = raw(f);
    const many = `list_filter(list_transform(CAST(${x} AS JSON[]), e -> ${coerce('e', f)}), v -> v IS NOT NULL)`;
    const sorted = SORTED_UNIQUE.has(f.type) ? `list_sort(list_distinct(${many}))` : f.type.endsWith('text') ? many : `list_sort(${many})`;
    return [`CASE WHEN json_type(${x}) <> 'ARRAY' THEN ${coerce(x, f)} END AS ${one(f)}`, `CASE WHEN json_type(${x}) = 'ARRAY' THEN ${sorted} END AS ${list(f)}`];
  });
  // one value left of an array is stored bare, as a single value is
  const rowLayer = stored.flatMap((f) => [
    `CASE WHEN len(${list(f)}) = 1 THEN ${list(f)}[1] ELSE ${one(f)} END AS ${quote(f.name)}`,
    `CASE WHEN len(${list(f)}) > 1 THEN ${list(f)} END AS ${quote(`${f.name}#mv`)}`,
  ]);
  // a scalar that is present, not JSON null and not "" (a missing number), yet coerced to NULL
  const failures = stored.map((f) => `CASE WHEN json_type(${raw(f)}) NOT IN ('NULL', 'ARRAY') AND (${raw(f)} ->> '$') <> '' AND ${one(f)} IS NULL THEN ${reason(raw(f), f)} END`);
  const read = `SELECT ${rawLayer.join(', ')} FROM read_ndjson(${literal(file)}, columns=${columns})`;
  const coerced = `SELECT *, ${coercedLayer.join(', ')} FROM (${read})`;
  return `SELECT * EXCLUDE (reason) FROM (SELECT ${rowLayer.join(', ')}, coalesce(${failures.join(', ')}) AS reason FROM (${coerced})) WHERE reason IS NULL`;
}
