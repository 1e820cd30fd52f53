/** Test helpers: an in-memory CliIo with fake backend and store. */
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { Backend, QueryRequest } from '../../backends/types';
import type { QueryResult } from '../../model/esql';
import type { DemoOptions } from '../../demo';
import type { ByteInput, EventStore, IndexSummary, IngestOptions, IngestReport } from '../../store/types';
import { chunksOf } from '../../store/native/batches';
import type { CliIo } from '../io';

export interface TestIo extends CliIo {
  out(): string;
  err(): string;
  requests: QueryRequest[];
  ingested: { index: string; lines: string[]; options?: IngestOptions }[];
  demoCalls: DemoOptions[];
  closed: number;
}

export interface TestIoOptions {
  env?: Record<string, string | undefined>;
  stdin?: string;
  result?: QueryResult | ((request: QueryRequest) => QueryResult);
  indices?: IndexSummary[];
  ingestReport?: (index: string, lines: string[]) => IngestReport;
}

export function testIo(options: TestIoOptions = {}): TestIo {
  let out = '';
  let err = '';
  const io: TestIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: { HUNTBOARD_DATA_DIR: '/nonexistent/huntboard-test', ...options.env },
    stdin: Readable.from([options.stdin ?? '']),
    out: () => out,
    err: () => err,
    requests: [],
    ingested: [],
    demoCalls: [],
    closed: 0,
  };
  const backend: Backend = {
    kind: 'embedded',
    async query(request) {
      io.requests.push(request);
      const result = options.result ?? { ok: true, response: { columns: [], values: [], warnings: [], took: 0, is_partial: false } };
      return typeof result === 'function' ? result(request) : result;
    },
    async describe() {
      return { ok: false, error: { kind: 'internal', message: 'unused' } };
    },
    async close() {
      io.closed++;
    },
  };
  const store: Record<string, unknown> & { ingestLines(index: string, lines: AsyncIterable<string>, o?: IngestOptions): Promise<IngestReport> } = {
    dataDir: io.env.HUNTBOARD_DATA_DIR ?? '',
    async listIndices() {
      return options.indices ?? [];
    },
    async ingestLines(index: string, lines: AsyncIterable<string> | Iterable<string>, ingestOptions?: IngestOptions) {
      const collected: string[] = [];
      for await (const line of lines) collected.push(line);
      io.ingested.push({ index, lines: collected, options: ingestOptions });
      return options.ingestReport
        ? options.ingestReport(index, collected)
        : { index, stored: collected.length, rejected: 0, rejections: [] };
    },
    async ingestBytes(index: string, input: ByteInput, ingestOptions?: IngestOptions) {
      // the lines the real store would number: readline over the decoded bytes
      return store.ingestLines(index, createInterface({ input: Readable.from(chunksOf(input)).setEncoding('utf8'), crlfDelay: Infinity }), ingestOptions);
    },
  };
  io.deps = {
    createBackend: () => backend,
    openStore: () => store as unknown as EventStore,
    writeDemo: async (_store, demoOptions) => {
      io.demoCalls.push(demoOptions);
      return {
        now: demoOptions.now.toISOString(),
        weeks: demoOptions.weeks ?? 1,
        indices: [{ index: 'logs-endpoint.events.network-default', stored: 1500, rejected: 0 }],
      };
    },
  };
  return io;
}
