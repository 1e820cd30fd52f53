/**
 * The SQL that reads one batch of planned documents natively: `read_ndjson` with the struct
 * columns the batch's leaves need, each value converted to its physical column (layout.ts) as
 * coerce.ts would, multi-values ordered as coerce.ts orders them, and a `#bad` flag on every row
 * where a conversion found a value it cannot take (those rows go back to the JS path, which gives
 * the exact value or the exact rejection). Pure.
 */
import { multiValueOrder } from '../coerce';
import { mvColumn } from '../layout';
import { physicalType, type LeafField, type PhysicalType } from '../mapping';
import { quoteIdent, quoteString } from '../sql-text';
import type { PlannedLeaf, ValueKind } from './shape-plan';

/** Names no field can have (a field name never starts with a dot), so they never meet a mapped column. */
export const LINE_COLUMN = '.line';
export const BAD_COLUMN = '.bad';

/** The type the reader declares for a leaf's values. */
function readType(leaf: PlannedLeaf): string {
  const base = leaf.kind === 's' ? 'VARCHAR' : leaf.kind === 'b' ? 'BOOLEAN' : leaf.kind === 'f' || physicalType(leaf.field.type) === 'DOUBLE' ? 'DOUBLE' : 'BIGINT';
  return leaf.array ? `${base}[]` : base;
}

/** Two leaves of one path in different shapes can share a batch only if they read alike. */
export function readKey(leaf: PlannedLeaf): string {
  return readType(leaf);
}

const IPV4_OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = `${IPV4_OCTET}\\.${IPV4_OCTET}\\.${IPV4_OCTET}\\.${IPV4_OCTET}`;
/** The canonical form (`2026-01-08T00:00:00.000Z`); any other date text goes through parseDate. */
const ISO_UTC = '[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?Z';

/** Names of the JS scalar functions (fast/udf.ts) for the rarer IP and date forms and non-ASCII lower-casing. */
export const IP_UDF = 'huntboard_ip';
export const DATE_UDF = 'huntboard_date';
export const LOWER_UDF = 'huntboard_lower';

const HEXTETS = '[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4})*';

/** Hextets (`fe80`, `1`) as 4-digit lower-case hex each, concatenated. */
function hextets(groups: string): string {
  return `lower(array_to_string(list_transform(${groups}, g -> lpad(g, 4, '0')), ''))`;
}

/** Plain IPv6 (no embedded IPv4, no zone); `::` must stand for at least one group, as in ip.ts. */
function ipv6Hex(x: string): string {
  const side = (n: number) => `CASE WHEN split_part(${x}, '::', ${n}) = '' THEN []::VARCHAR[] ELSE string_split(split_part(${x}, '::', ${n}), ':') END`;
  const missing = `8 - len(${side(1)}) - len(${side(2)})`;
  return (
    `CASE WHEN regexp_full_match(${x}, '[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){7}') THEN ${hextets(`string_split(${x}, ':')`)} ` +
    `WHEN regexp_full_match(${x}, '(?:${HEXTETS})?::(?:${HEXTETS})?') AND ${missing} >= 1 THEN ${hextets(side(1))} || repeat('0000', ${missing}) || ${hextets(side(2))} END`
  );
}

function ipHex(x: string): string {
  const octet = (n: number, shift: number) => `(split_part(${x}, '.', ${n})::BIGINT << ${shift})`;
  return (
    `CASE WHEN regexp_full_match(${x}, '${IPV4}') THEN '00000000000000000000ffff' || lpad(lower(to_hex(${octet(1, 24)} | ${octet(2, 16)} | ${octet(3, 8)} | ${octet(4, 0)})), 8, '0') ` +
    // the rarer forms (embedded IPv4, anything odd) through ip.ts itself
    `WHEN ${x} IS NOT NULL THEN coalesce(${ipv6Hex(x)}, ${IP_UDF}(${x})) END`
  );
}

function dateMillis(x: string): string {
  // whole seconds through DuckDB, the first three fraction digits added: truncation, as parseDate does
  const fraction = `rpad(left(substr(${x}, 21, length(${x}) - 21), 3), 3, '0')::BIGINT`;
  return (
    `CASE WHEN regexp_full_match(${x}, '${ISO_UTC}') THEN epoch_ms(try_cast(left(${x}, 19) AS TIMESTAMP)) + CASE WHEN length(${x}) > 20 THEN ${fraction} ELSE 0 END ` +
    `WHEN ${x} IS NOT NULL THEN ${DATE_UDF}(${x}) END`
  );
}

const RANGES: Record<string, [string, string]> = {
  integer: ['-2147483648', '2147483647'],
  short: ['-32768', '32767'],
  byte: ['-128', '127'],
  unsigned_long: ['0', '18446744073709551615'],
};

/** One value (never a list) of `kind` as `field`'s physical value; NULL where it does not fit, undefined when it is the value itself. */
function convert(field: LeafField, kind: ValueKind, x: string): string | undefined {
  const type = physicalType(field.type)!;
  // ASCII (as many bytes as characters) lower-cases alike everywhere; the rest as JS does it
  if (field.normalizer === 'lowercase') return `CASE WHEN strlen(${x}) = length(${x}) THEN lower(${x}) ELSE ${LOWER_UDF}(${x}) END`;
  if (field.type === 'ip') return ipHex(x);
  if (field.type === 'date') return kind === 's' ? dateMillis(x) : undefined;
  const range = RANGES[field.type];
  if (range) return `CASE WHEN ${x} BETWEEN ${range[0]} AND ${range[1]} THEN ${x}::${type} END`;
  return undefined;
}

export interface OutputColumn {
  name: string;
  type: PhysicalType;
  isList: boolean;
}

export interface BatchSql {
  /** The `columns={…}` argument of read_ndjson. */
  columns: string;
  /** SELECT list over the reader's row alias `r`, ending with the line and bad flag. */
  select: string;
  outputs: OutputColumn[];
}

interface StructNode {
  type?: string;
  children: Map<string, StructNode>;
}

function structType(node: StructNode): string {
  if (node.type) return node.type;
  return `STRUCT(${[...node.children].map(([k, c]) => `${quoteIdent(k)} ${structType(c)}`).join(', ')})`;
}

/** The batch's reader columns and SELECT; `leaves` hold one entry per path (the caller merges shapes). */
export function batchSql(leaves: PlannedLeaf[]): BatchSql {
  const root: StructNode = { children: new Map() };
  for (const leaf of leaves) {
    let node = root;
    for (const key of leaf.keys) {
      let next = node.children.get(key);
      if (!next) {
        next = { children: new Map() };
        node.children.set(key, next);
      }
      node = next;
    }
    node.type = readType(leaf);
  }
  const columns = `{${[quoteString(LINE_COLUMN) + `: 'INTEGER'`, ...[...root.children].map(([k, n]) => `${quoteString(k)}: ${quoteString(structType(n))}`)].join(', ')}}`;

  // Four levels, so each conversion runs once: raw values; converted; ordered and checked; columns.
  const raws: string[] = [`r.${quoteIdent(LINE_COLUMN)} AS l`];
  const converted: string[] = ['l'];
  const checked: string[] = ['l'];
  const final: string[] = [`l AS ${quoteIdent(LINE_COLUMN)}`];
  const bad: string[] = [];
  const outputs: OutputColumn[] = [];
  leaves.forEach((leaf, i) => {
    const [top, ...rest] = leaf.keys;
    const raw = `raw${i}`;
    raws.push(`${rest.reduce((acc, k) => `struct_extract(${acc}, ${quoteString(k)})`, `r.${quoteIdent(top)}`)} AS ${raw}`);
    converted.push(raw);
    [leaf.field, ...leaf.children].forEach((field, j) => {
      const c = `c${i}_${j}`;
      const type = physicalType(field.type)!;
      if (!leaf.array) {
        const conversion = convert(field, leaf.kind, raw);
        // most values are stored as read: no conversion, nothing to check
        if (conversion === undefined) {
          checked.push(`${raw} AS ${c}`);
        } else {
          converted.push(`${conversion} AS ${c}`);
          checked.push(c);
          bad.push(`(${raw} IS NOT NULL AND ${c} IS NULL)`);
        }
        final.push(`${c} AS ${quoteIdent(field.name)}`);
        outputs.push({ name: field.name, type, isList: false });
        return;
      }
      const conversion = convert(field, leaf.kind, 'e');
      converted.push(`${conversion === undefined ? `list_filter(${raw}, e -> e IS NOT NULL)` : `list_filter(list_transform(${raw}, e -> ${conversion}), e -> e IS NOT NULL)`} AS ${c}`);
      const order = multiValueOrder(field.type);
      const o = `o${i}_${j}`;
      checked.push(`${order === 'sorted-unique' ? `list_sort(list_distinct(${c}))` : order === 'sorted' ? `list_sort(${c})` : c} AS ${o}`);
      if (conversion !== undefined) bad.push(`(list_count(${raw}) <> len(${c}))`);
      final.push(`CASE WHEN len(${o}) = 1 THEN ${o}[1] END AS ${quoteIdent(field.name)}`);
      final.push(`CASE WHEN len(${o}) > 1 THEN ${o} END AS ${quoteIdent(mvColumn(field.name))}`);
      outputs.push({ name: field.name, type, isList: false }, { name: mvColumn(field.name), type, isList: true });
    });
  });
  checked.push(`${bad.length ? bad.map((b) => `coalesce(${b}, false)`).join(' OR ') : 'false'} AS bad`);
  final.push(`bad AS ${quoteIdent(BAD_COLUMN)}`);
  const select =
    `SELECT ${final.join(', ')} FROM (SELECT ${checked.join(', ')} FROM (SELECT ${converted.join(', ')} ` +
    `FROM (SELECT ${raws.join(', ')} FROM $READER r)))`;
  return { columns, select, outputs };
}
