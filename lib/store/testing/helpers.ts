/** Test helpers: temp data dirs and reading parts back through DuckDB. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export function tempDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'huntboard-store-'));
}

/** Rows of the given part files (union by name), as JS objects with BIGINTs as numbers. */
export async function readParts(files: string[], orderBy?: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const list = files.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ');
    const order = orderBy ? ` ORDER BY "${orderBy}"` : '';
    const reader = await c.runAndReadAll(`SELECT * FROM read_parquet([${list}], union_by_name = true)${order}`);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/** Column name → DuckDB type name of one part file. */
export async function partSchema(file: string): Promise<Record<string, string>> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const reader = await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`);
    const out: Record<string, string> = {};
    for (const r of reader.getRowObjectsJson()) out[String(r.column_name)] = String(r.column_type);
    return out;
  } finally {
    c.closeSync();
    db.closeSync();
  }
}
