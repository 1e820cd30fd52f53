/**
 * The on-disk layout of the embedded event store: the contract between the store (which writes
 * it) and the engine (which reads it through DuckDB). Both sides import these helpers rather than
 * spelling paths or column names themselves.
 *
 *   <dataDir>/indices/<index>/mapping.json   Elasticsearch mapping: {"properties": {…}} (nested objects)
 *   <dataDir>/indices/<index>/manifest.json  IndexManifest below; replaced atomically (temp + rename)
 *   <dataDir>/indices/<index>/parts/<id>.parquet  immutable parts, listed by the manifest
 *
 * A part becomes visible only when the manifest that lists it has been renamed into place, so a
 * killed ingest leaves at worst an unlisted temp file, which readers never open.
 *
 * Physical columns of a part (one per leaf field, flat dotted names, plus multi-fields such as
 * `process.name.caseless`, materialised at ingest):
 *   keyword, text, wildcard, constant_keyword, match_only_text, version → VARCHAR
 *   long → BIGINT; integer, short, byte → INTEGER; double, float, half_float, scaled_float → DOUBLE
 *   unsigned_long → UBIGINT; boolean → BOOLEAN
 *   date → BIGINT, epoch milliseconds UTC
 *   ip → VARCHAR, 32 lower-case hex digits of the 16-byte form (IPv4 as IPv4-mapped ::ffff:a.b.c.d),
 *        so that string order is Elasticsearch's byte order and CIDR ranges are string ranges
 * A document with exactly one value for a field stores it in the field's column. A document with
 * two or more values stores NULL there and the values (nulls dropped, in the order Elasticsearch's
 * doc values return them (docs/esql-semantics.md §4): keyword and ip sorted and de-duplicated, numbers sorted) in the LIST column `<field>#mv`, which exists only in
 * parts that hold such a document. A single-value function therefore sees NULL for a multi-value
 * by reading the plain column; the engine consults `<field>#mv` only for fields the manifest lists
 * in `multiValued`.
 */
import 'server-only';
import path from 'node:path';

export interface PartInfo {
  /** File name under parts/. */
  file: string;
  docCount: number;
  /** Epoch ms of the smallest and largest `@timestamp` in the part, null if none. */
  minTimestamp: number | null;
  maxTimestamp: number | null;
  /** Columns present in this part (physical names, `#mv` columns included). */
  columns: string[];
  /**
   * The part's seal, recorded at commit for the query-time damage check (part-check.ts): size in
   * bytes, mtime and ctime (ms, as `stat` gives them) and SHA-256 of the whole file. Absent in
   * manifests written before seals; such parts get the cheaper checks only.
   */
  bytes?: number;
  mtimeMs?: number;
  ctimeMs?: number;
  sha256?: string;
}

export interface IndexManifest {
  /** Bumped on every layout change; readers refuse a newer one with a clear message. */
  formatVersion: 1;
  index: string;
  parts: PartInfo[];
  /** Fields that hold at least one multi-valued document in some part. */
  multiValued: string[];
}

export const MV_SUFFIX = '#mv';

export function mvColumn(field: string): string {
  return field + MV_SUFFIX;
}

export function indicesDir(dataDir: string): string {
  return path.join(dataDir, 'indices');
}

export function indexDir(dataDir: string, index: string): string {
  return path.join(indicesDir(dataDir), index);
}

export function manifestPath(dataDir: string, index: string): string {
  return path.join(indexDir(dataDir, index), 'manifest.json');
}

export function mappingPath(dataDir: string, index: string): string {
  return path.join(indexDir(dataDir, index), 'mapping.json');
}

export function partPath(dataDir: string, index: string, file: string): string {
  return path.join(indexDir(dataDir, index), 'parts', file);
}

/** Index names follow Elasticsearch's rules (lower case, no `\ / * ? " < > | , #`, not `.`/`..`, no leading `-_+`). */
export function isValidIndexName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    name === name.toLowerCase() &&
    !/[\\/*?"<>|,# :]/.test(name) &&
    !/^[-_+]/.test(name) &&
    name !== '.' &&
    name !== '..'
  );
}
