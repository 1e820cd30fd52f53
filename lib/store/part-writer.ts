/**
 * Writes one immutable Parquet part. Rows are gathered into column vectors of one DuckDB chunk
 * (2048 rows), appended in bulk to a temp table (DuckDB spills it to disk, so memory stays
 * bounded), and `COPY … TO parquet` writes the part, which is then fsynced. It keeps its `.tmp-`
 * name until the ingest commits.
 */
import 'server-only';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { DuckDBDataChunk, listValue, type DuckDBAppender, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { PartInfo } from './layout';
import { MV_SUFFIX } from './layout';
import type { PhysicalType } from './mapping';
import type { Row } from './documents';
import { fsyncPath } from './atomic-file';
import { quoteIdent, quoteString } from './sql-text';
import { partWriteFailure } from './write-failure';

const CHUNK_ROWS = 2048;

/**
 * Longs travel as DOUBLE (values come from JSON numbers, so no precision is lost) and are cast back
 * on COPY; unsigned_longs are bigints (coerce.ts), exact up to 2^64-1, staged as they are.
 */
function stagingType(t: PhysicalType): string {
  return t === 'BIGINT' ? 'DOUBLE' : t;
}

/** Writes a query's rows as a part file (the store's Parquet settings) and fsyncs it. */
export async function writePartFile(conn: DuckDBConnection, select: string, file: string): Promise<void> {
  await conn.run(`COPY (${select}) TO ${quoteString(file)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
  fsyncPath(file);
}

export interface WrittenPart {
  info: PartInfo;
  /** Where the part lies until commit renames it to `parts/<info.file>`. */
  tmpPath: string;
  multiValued: string[];
}

interface Column {
  name: string;
  type: PhysicalType;
  isList: boolean;
}

let tableSeq = 0;

export class PartWriter {
  readonly tmpPath: string;
  private readonly table = `part_${process.pid}_${++tableSeq}`;
  private created = false;
  private appender: DuckDBAppender | undefined;
  /** Columns of the staging table, in table order. */
  private readonly columns: Column[] = [];
  private readonly known = new Map<string, Column>();
  private chunk = new Map<string, DuckDBValue[]>();
  private chunkRows = 0;
  private readonly multiValued = new Set<string>();
  docCount = 0;
  private minTs: number | null = null;
  private maxTs: number | null = null;

  constructor(
    private readonly conn: DuckDBConnection,
    partsDir: string,
    readonly file: string,
    private readonly typeOf: (field: string) => PhysicalType | undefined,
  ) {
    this.tmpPath = path.join(partsDir, `.tmp-${file}`);
  }

  private column(name: string): Column | undefined {
    let col = this.known.get(name);
    if (col) return col;
    const isList = name.endsWith(MV_SUFFIX);
    const type = this.typeOf(isList ? name.slice(0, -MV_SUFFIX.length) : name);
    if (!type) return undefined;
    col = { name, type, isList };
    this.known.set(name, col);
    return col;
  }

  async add(row: Row, multiValued: string[]): Promise<void> {
    const at = this.chunkRows;
    for (const [name, v] of row) {
      let values = this.chunk.get(name);
      if (!values) {
        if (!this.column(name)) continue;
        values = new Array<DuckDBValue>(CHUNK_ROWS).fill(null);
        this.chunk.set(name, values);
      }
      values[at] = Array.isArray(v) ? listValue(v as DuckDBValue[]) : (v as DuckDBValue);
    }
    for (const f of multiValued) this.multiValued.add(f);
    const ts = row.get('@timestamp');
    if (typeof ts === 'number') {
      if (this.minTs === null || ts < this.minTs) this.minTs = ts;
      if (this.maxTs === null || ts > this.maxTs) this.maxTs = ts;
    }
    this.docCount++;
    if (++this.chunkRows === CHUNK_ROWS) await this.flushChunk();
  }

  private async flushChunk(): Promise<void> {
    if (this.chunkRows === 0) return;
    const added = [...this.chunk.keys()].filter((n) => !this.columns.some((c) => c.name === n)).map((n) => this.known.get(n)!);
    if (!this.created || added.length > 0) {
      this.appender?.closeSync();
      this.appender = undefined;
      const defs = (cols: Column[]) => cols.map((c) => `${quoteIdent(c.name)} ${stagingType(c.type)}${c.isList ? '[]' : ''}`);
      if (!this.created) {
        // a row with no mapped value still needs a row in the table
        await this.conn.run(`CREATE TEMP TABLE ${this.table} (__row BOOLEAN${added.length ? ', ' : ''}${defs(added).join(', ')})`);
        this.created = true;
      } else {
        for (const d of defs(added)) await this.conn.run(`ALTER TABLE ${this.table} ADD COLUMN ${d}`);
      }
      this.columns.push(...added);
    }
    this.appender ??= await this.conn.createAppender(this.table);
    const types = Array.from({ length: this.appender.columnCount }, (_, i) => this.appender!.columnType(i));
    const chunk = DuckDBDataChunk.create(types, this.chunkRows);
    const empty = new Array<DuckDBValue>(this.chunkRows).fill(null);
    const vectors: DuckDBValue[][] = [empty];
    for (const c of this.columns) {
      const v = this.chunk.get(c.name);
      vectors.push(v ? (v.length === this.chunkRows ? v : v.slice(0, this.chunkRows)) : empty);
    }
    chunk.setColumns(vectors);
    this.appender.appendDataChunk(chunk);
    this.chunk = new Map();
    this.chunkRows = 0;
  }

  /** Writes the part to `tmpPath` (fsynced) and drops the staging table. */
  async finish(): Promise<WrittenPart> {
    await this.flushChunk();
    this.appender?.closeSync();
    this.appender = undefined;
    const cols = [...this.columns].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const select = cols.length
      ? cols.map((c) => `CAST(${quoteIdent(c.name)} AS ${c.type}${c.isList ? '[]' : ''}) AS ${quoteIdent(c.name)}`).join(', ')
      : '__row';
    await writePartFile(this.conn, `SELECT ${select} FROM ${this.table}`, this.tmpPath).catch((e: unknown) => {
      throw partWriteFailure(e, this.file);
    });
    await this.conn.run(`DROP TABLE ${this.table}`);
    return {
      tmpPath: this.tmpPath,
      multiValued: [...this.multiValued].sort(),
      info: {
        file: this.file,
        docCount: this.docCount,
        minTimestamp: this.minTs,
        maxTimestamp: this.maxTs,
        columns: cols.length ? cols.map((c) => c.name) : ['__row'],
      },
    };
  }

  /** Drops the temp file of an abandoned part. */
  discard(): void {
    this.appender?.closeSync();
    this.appender = undefined;
    rmSync(this.tmpPath, { force: true });
  }
}
