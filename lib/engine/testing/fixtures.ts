/**
 * Test fixtures: small Parquet parts written with DuckDB in the store's layout (lib/store/layout.ts)
 * and the matching SourceSnapshot, so engine tests need neither the store nor files outside the repository.
 */
import { mkdtempSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { EsqlType } from '../../esql';
import type { SourceSnapshot } from '../../store/types';
import { mvColumn, partPath } from '../../store/layout';
import { parseDate } from '../../store/dates';
import { parseIp } from '../../model/ip';
import { quoteIdent, quoteString, sqlTypeOf } from '../sql';

export type FixtureValue = string | number | boolean | null | (string | number | boolean)[];

function physical(type: EsqlType, v: string | number | boolean): string {
  if (type === 'ip') return quoteString(parseIp(String(v)) ?? 'invalid');
  if (type === 'date') return String(typeof v === 'string' ? parseDate(v) : v);
  if (typeof v === 'string') return quoteString(v);
  return String(v);
}

/** Writes one part with the given docs; fields multi-valued in some doc get a `#mv` column. */
export async function writePart(file: string, fields: Record<string, EsqlType>, docs: Record<string, FixtureValue>[]): Promise<string[]> {
  const names = Object.keys(fields);
  const mvFields = names.filter((n) => docs.some((d) => Array.isArray(d[n]) && (d[n] as unknown[]).length > 1));
  const columns = [...names, ...mvFields.map(mvColumn)];
  const rows = docs.map((d) => {
    const cells = names.map((n) => {
      const v = d[n];
      const t = sqlTypeOf(fields[n]);
      if (v === null || v === undefined || (Array.isArray(v) && v.length !== 1)) return `NULL::${t}`;
      return `CAST(${physical(fields[n], Array.isArray(v) ? v[0] : v)} AS ${t})`;
    });
    const mvCells = mvFields.map((n) => {
      const v = d[n];
      const t = sqlTypeOf(fields[n]);
      if (!Array.isArray(v) || v.length < 2) return `NULL::${t}[]`;
      return `[${v.map((x) => `CAST(${physical(fields[n], x)} AS ${t})`).join(', ')}]`;
    });
    return `(${[...cells, ...mvCells].join(', ')})`;
  });
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    await c.run(`COPY (SELECT * FROM (VALUES ${rows.join(', ')}) t(${columns.map(quoteIdent).join(', ')})) TO ${quoteString(file)} (FORMAT parquet)`);
  } finally {
    c.closeSync();
    db.closeSync();
  }
  return columns;
}

export function tempDir(prefix = 'huntboard-engine-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A snapshot over parts written from `parts` (each a list of docs) for one index, laid out as the store does under `dir`. */
export async function fixtureSnapshot(
  index: string,
  fields: Record<string, EsqlType>,
  parts: Record<string, FixtureValue>[][],
  dir = tempDir(),
): Promise<SourceSnapshot> {
  const partFiles: string[] = [];
  const partColumns: Record<string, string[]> = {};
  const multiValued = new Set<string>();
  for (const [i, docs] of parts.entries()) {
    const file = partPath(dir, index, `${i}.parquet`);
    await mkdir(path.dirname(file), { recursive: true });
    const cols = await writePart(file, fields, docs);
    partFiles.push(file);
    partColumns[file] = cols;
    cols.filter((c) => c.endsWith('#mv')).forEach((c) => multiValued.add(c.slice(0, -3)));
  }
  return {
    indices: [index],
    fields: Object.entries(fields).map(([name, type]) => ({ name, type })),
    partFiles,
    partColumns,
    multiValued: [...multiValued],
    skipped: [],
  };
}
