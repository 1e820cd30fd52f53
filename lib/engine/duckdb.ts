/**
 * One DuckDB instance per engine (in memory: it only reads the store's Parquet files), created
 * lazily and shared; each query gets its own connection so it can be interrupted alone.
 */
import 'server-only';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { registerUdfs } from './udfs';

export class DuckDbHost {
  private instance: Promise<DuckDBInstance> | undefined;
  private closed = false;

  /** Owns the registered functions; kept open for the instance's lifetime. */
  private setup: DuckDBConnection | undefined;

  private async create(): Promise<DuckDBInstance> {
    const instance = await DuckDBInstance.create(':memory:');
    const setup = await instance.connect();
    // TO_DATETIME of strings and DATE_TRUNC read timestamps; Elasticsearch ≤ 9.3 is UTC only (time-math.ts).
    await setup.run("SET GLOBAL TimeZone = 'UTC'");
    registerUdfs(setup);
    this.setup = setup;
    return instance;
  }

  async connect(): Promise<DuckDBConnection> {
    if (this.closed) throw new Error('the embedded engine is closed');
    this.instance ??= this.create();
    return (await this.instance).connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    const pending = this.instance;
    this.instance = undefined;
    if (pending) {
      const instance = await pending;
      this.setup?.closeSync();
      this.setup = undefined;
      instance.closeSync();
    }
  }
}
