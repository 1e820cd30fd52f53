/**
 * A run's findings stored one row each (run_findings), keyed at save time: the review pages, the
 * week and the diff read the rows they need through indexes instead of parsing a run's whole result.
 */
import 'server-only';
import type { EsqlColumn, EsqlValue } from '../model/esql';
import { findingKeyColumns } from '../esql';
import type { AppDatabase } from './database';

/** The BY value the allow-list and first seen key on, and the one the week reads an agent from. */
export const PROCESS_FIELD = 'process.name';
export const AGENT_FIELD = 'agent.id';

export interface KeyedRow {
  position: number;
  /** JSON of the BY values: the identity triage hangs on (lib/review/diff's `key`). */
  key: string;
  processName: string | null;
  agentId: string | null;
  json: string;
}

/** Reads a column by name as a record of the row would: a repeated name holds its last column. */
function columnIndex(columns: readonly { name: string }[]): Map<string, number> {
  const at = new Map<string, number>();
  columns.forEach((c, i) => at.set(c.name, i));
  return at;
}

/** The key columns of a run and how to read a finding's key values from one of its rows. */
export function findingKeyReader(queryText: string, columns: readonly { name: string }[]) {
  const keys = findingKeyColumns(queryText, columns.map((c) => c.name));
  const at = columnIndex(columns);
  const valueOf = (row: readonly EsqlValue[], name: string): EsqlValue => {
    const i = at.get(name);
    return (i === undefined ? undefined : row[i]) ?? null;
  };
  return {
    keys,
    key: (row: readonly EsqlValue[]) => JSON.stringify(keys.map((k) => valueOf(row, k))),
    keyValues: (row: readonly EsqlValue[]): Record<string, EsqlValue> => Object.fromEntries(keys.map((k) => [k, valueOf(row, k)])),
    record: (row: readonly EsqlValue[]): Record<string, EsqlValue> => Object.fromEntries(columns.map((c, i) => [c.name, row[i]])),
    /** A string BY value of `name`, when `name` is one of the keys. */
    stringKey: (row: readonly EsqlValue[], name: string): string | null => {
      if (!keys.includes(name)) return null;
      const v = valueOf(row, name);
      return typeof v === 'string' ? v : null;
    },
  };
}

export function* keyedRows(queryText: string, columns: readonly EsqlColumn[], values: readonly EsqlValue[][]): Generator<KeyedRow> {
  const reader = findingKeyReader(queryText, columns);
  for (let position = 0; position < values.length; position++) {
    const row = values[position];
    yield { position, key: reader.key(row), processName: reader.stringKey(row, PROCESS_FIELD), agentId: reader.stringKey(row, AGENT_FIELD), json: JSON.stringify(row) };
  }
}

export function insertRunFindings(db: AppDatabase, runId: number, rows: Iterable<KeyedRow>): void {
  const insert = db.prepare('INSERT INTO run_findings (run_id, position, finding_key, process_name, agent_id, values_json) VALUES (?, ?, ?, ?, ?, ?)');
  for (const r of rows) insert.run(runId, r.position, r.key, r.processName, r.agentId, r.json);
}

/** Every row of a run in result order: for whole-run readers (bundle export, `runs diff`), never a page. */
export function runValues(db: AppDatabase, runId: number): EsqlValue[][] {
  const rows = db.prepare('SELECT values_json FROM run_findings WHERE run_id = ? ORDER BY position').pluck().all(runId) as string[];
  return rows.map((json) => JSON.parse(json) as EsqlValue[]);
}

/** The last row of a run holding each key (a week-over-week change compares against it). */
export function lastRowsWithKeys(db: AppDatabase, runId: number, keys: readonly string[]): Map<string, EsqlValue[]> {
  // INDEXED BY: ordered by position, SQLite would otherwise walk the whole run backwards by its primary key.
  const get = db.prepare('SELECT values_json FROM run_findings INDEXED BY run_findings_by_key WHERE finding_key = ? AND run_id = ? ORDER BY position DESC LIMIT 1').pluck();
  const out = new Map<string, EsqlValue[]>();
  for (const key of keys) {
    const json = get.get(key, runId) as string | undefined;
    if (json !== undefined) out.set(key, JSON.parse(json) as EsqlValue[]);
  }
  return out;
}
