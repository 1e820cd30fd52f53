/**
 * The staging table of a native ingest: rows from DuckDB's reader and rows from the JS path meet
 * here with their line numbers, and leave as immutable Parquet parts in line order, in the layout
 * and column types PartWriter writes (layout.ts), so readers cannot tell the two ingests apart.
 */
import path from 'node:path';
import { DuckDBDataChunk, listValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Row } from '../documents';
import { MV_SUFFIX } from '../layout';
import type { PhysicalType } from '../mapping';
import { writePartFile, type WrittenPart } from '../part-writer';
import { quoteIdent } from '../sql-text';
import { BAD_COLUMN, LINE_COLUMN, type OutputColumn } from './batch-sql';

const TABLE = 'huntboard_stage';
const CHUNK_ROWS = 2048;

function sqlType(c: OutputColumn): string {
  return `${c.type}${c.isList ? '[]' : ''}`;
}

function toDuck(type: PhysicalType, v: unknown): DuckDBValue {
  return type === 'BIGINT' || type === 'UBIGINT' ? BigInt(v as number) : (v as DuckDBValue);
}

export class Stage {
  private readonly columns = new Map<string, OutputColumn>();
  private created = false;
  rows = 0;
  /** Highest line staged, and whether rows went in in line order (then COPY needs no sort). */
  private lastLine = 0;
  private inOrder = true;

  constructor(
    private readonly conn: DuckDBConnection,
    private readonly partsDir: string,
    private readonly typeOf: (field: string) => PhysicalType | undefined,
  ) {}

  private async create(): Promise<void> {
    if (this.created) return;
    await this.conn.run(`CREATE TEMP TABLE ${TABLE} (${quoteIdent(LINE_COLUMN)} INTEGER, ${quoteIdent(BAD_COLUMN)} BOOLEAN)`);
    this.created = true;
  }

  async ensureColumns(columns: OutputColumn[]): Promise<void> {
    await this.create();
    for (const c of columns) {
      if (this.columns.has(c.name)) continue;
      await this.conn.run(`ALTER TABLE ${TABLE} ADD COLUMN ${quoteIdent(c.name)} ${sqlType(c)}`);
      this.columns.set(c.name, c);
    }
  }

  private arrive(first: number, last: number): void {
    if (first < this.lastLine) this.inOrder = false;
    this.lastLine = Math.max(this.lastLine, last);
  }

  /** Runs the batch's INSERT … SELECT of lines `first`…`last` in order; returns the lines it flagged bad (removed again). */
  async insert(select: string, first: number, last: number): Promise<number[]> {
    await this.create();
    this.arrive(first, last);
    await this.conn.run(`INSERT INTO ${TABLE} BY NAME ${select}`);
    const bad = (await this.conn.runAndReadAll(`SELECT ${quoteIdent(LINE_COLUMN)} FROM ${TABLE} WHERE ${quoteIdent(BAD_COLUMN)}`)).getRows().map((r) => Number(r[0]));
    if (bad.length) await this.conn.run(`DELETE FROM ${TABLE} WHERE ${quoteIdent(BAD_COLUMN)}`);
    this.rows = Number((await this.conn.runAndReadAll(`SELECT count(*) FROM ${TABLE}`)).getRows()[0][0]);
    return bad;
  }

  /** Appends rows made by documentToRow, in line order. */
  async append(rows: { line: number; row: Row }[]): Promise<void> {
    if (!rows.length) return;
    this.arrive(rows[0].line, rows[rows.length - 1].line);
    const wanted: OutputColumn[] = [];
    for (const { row } of rows) {
      for (const name of row.keys()) {
        if (this.columns.has(name) || wanted.some((w) => w.name === name)) continue;
        const isList = name.endsWith(MV_SUFFIX);
        const type = this.typeOf(isList ? name.slice(0, -MV_SUFFIX.length) : name);
        if (type) wanted.push({ name, type, isList });
      }
    }
    await this.ensureColumns(wanted);
    const appender = await this.conn.createAppender(TABLE);
    try {
      const types = Array.from({ length: appender.columnCount }, (_, i) => appender.columnType(i));
      const names = [LINE_COLUMN, BAD_COLUMN, ...this.columns.keys()];
      for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
        const slice = rows.slice(start, start + CHUNK_ROWS);
        const vectors = names.map((name, col): DuckDBValue[] => {
          if (col === 0) return slice.map((r) => r.line);
          if (col === 1) return slice.map(() => false);
          const c = this.columns.get(name)!;
          return slice.map(({ row }) => {
            const v = row.get(name);
            if (v === undefined || v === null) return null;
            return c.isList ? listValue((v as unknown[]).map((x) => toDuck(c.type, x))) : toDuck(c.type, v);
          });
        });
        const chunk = DuckDBDataChunk.create(types, slice.length);
        chunk.setColumns(vectors);
        appender.appendDataChunk(chunk);
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    this.rows += rows.length;
  }

  /** Writes the first `limit` rows in line order as a part (fsynced, under its `.tmp-` name). */
  async writePart(file: string, limit: number): Promise<WrittenPart> {
    const line = quoteIdent(LINE_COLUMN);
    const cutoff = Number(
      (await this.conn.runAndReadAll(`SELECT ${line} FROM ${TABLE} ORDER BY ${line} LIMIT 1 OFFSET ${Math.min(limit, this.rows) - 1}`)).getRows()[0][0],
    );
    const within = `FROM ${TABLE} WHERE ${line} <= ${cutoff}`;
    const all = [...this.columns.values()];
    const ts = this.columns.get('@timestamp');
    const numericTs = ts !== undefined && ts.type !== 'VARCHAR' && ts.type !== 'BOOLEAN';
    const stats = [`count(*)`, ...all.map((c) => `count(${quoteIdent(c.name)})`), ...(numericTs ? [`min("@timestamp")`, `max("@timestamp")`] : [])];
    const [count, ...rest] = (await this.conn.runAndReadAll(`SELECT ${stats.join(', ')} ${within}`)).getRows()[0];
    const present = all.filter((_, i) => Number(rest[i]) > 0).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const [minTs, maxTs] = numericTs ? rest.slice(all.length) : [null, null];
    const tmpPath = path.join(this.partsDir, `.tmp-${file}`);
    const select = present.length ? present.map((c) => quoteIdent(c.name)).join(', ') : 'NULL::BOOLEAN AS __row';
    // rows staged in line order are read back in that order (preserve_insertion_order)
    await writePartFile(this.conn, `SELECT ${select} ${within}${this.inOrder ? '' : ` ORDER BY ${line}`}`, tmpPath);
    await this.conn.run(`DELETE ${within}`);
    const docCount = Number(count);
    this.rows -= docCount;
    if (this.rows === 0) this.inOrder = true;
    return {
      tmpPath,
      multiValued: present.filter((c) => c.isList).map((c) => c.name.slice(0, -MV_SUFFIX.length)).sort(),
      info: {
        file,
        docCount,
        minTimestamp: minTs === null || minTs === undefined ? null : Number(minTs),
        maxTimestamp: maxTs === null || maxTs === undefined ? null : Number(maxTs),
        columns: present.length ? present.map((c) => c.name) : ['__row'],
      },
    };
  }

  async drop(): Promise<void> {
    if (this.created) await this.conn.run(`DROP TABLE IF EXISTS ${TABLE}`);
    this.created = false;
  }
}
