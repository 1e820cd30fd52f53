/**
 * The embedded event store's public surface: what ingest, the engine, the embedded backend, the
 * demo generator and the CLI use. Layout on disk: ./layout.ts.
 */
import 'server-only';
import type { ResolvedSources } from '../esql';
import type { PartSeal } from './part-check';

export interface IndexSummary {
  name: string;
  docCount: number;
  /** ISO-8601 (`2026-01-08T00:00:00.000Z`) of the smallest and largest `@timestamp`; null if none. */
  minTimestamp: string | null;
  maxTimestamp: string | null;
  partCount: number;
}

/** A line that was not stored, with the reason (`invalid JSON: …`, `field [destination.ip]: 'x' is not an IP string literal`). */
export interface Rejection {
  /** 1-based line number in the input file. */
  line: number;
  reason: string;
}

export interface IngestReport {
  index: string;
  stored: number;
  rejected: number;
  /** The first rejections (at most 100), in line order. */
  rejections: Rejection[];
}

/** A consistent view of the indices a FROM matched: the engine reads exactly these parts. */
export interface SourceSnapshot extends ResolvedSources {
  /** Absolute paths of the Parquet parts to read, over all matched indices. */
  partFiles: string[];
  /** Per part file, the physical columns it holds (for union-by-name reads). */
  partColumns: Record<string, string[]>;
  /** Per part file, what commit recorded of it (size, mtime, checksum) to verify it against after a failed read. */
  partSeals?: Record<string, PartSeal>;
  /** Fields with at least one multi-valued document in the matched indices. */
  multiValued: string[];
  /** constant_keyword fields whose mapping holds the value: field → index → value (read where a document has none). */
  constants?: Map<string, Map<string, string>>;
  /** Corrupted or unreadable parts that were skipped, with the reason. */
  skipped: { file: string; reason: string }[];
}

export interface IngestOptions {
  /** Elasticsearch mapping `{"properties": …}` to create the index with (ignored if the index exists). */
  mapping?: unknown;
}

export interface EventStore {
  readonly dataDir: string;
  listIndices(): Promise<IndexSummary[]>;
  /**
   * Resolves FROM patterns (names, `*` wildcards, comma lists, `-exclusions`) to a snapshot.
   * `{ unknown: pattern }` when a pattern matches no index.
   */
  resolve(patterns: string[]): Promise<SourceSnapshot | { unknown: string }>;
  /** Ingests NDJSON lines; all-or-nothing per call: a killed ingest leaves no visible part. */
  ingestLines(index: string, lines: AsyncIterable<string> | Iterable<string>, options?: IngestOptions): Promise<IngestReport>;
  /** Ingests NDJSON bytes (a file, stdin), numbering lines as readline does; same rules as lines. */
  ingestBytes(index: string, input: ByteInput, options?: IngestOptions): Promise<IngestReport>;
  /** Ingests already-parsed documents (nested objects or dotted keys), same rules as lines. */
  ingestDocuments(index: string, docs: AsyncIterable<unknown> | Iterable<unknown>, options?: IngestOptions): Promise<IngestReport>;
  deleteIndex(index: string): Promise<void>;
}

/** Bytes read straight into a buffer of the caller's (a file's): no chunk is allocated or copied. */
export interface ByteReader {
  /** Up to `length` bytes into `into` at `offset`; 0 at the end of the input. */
  read(into: Buffer, offset: number, length: number): Promise<number>;
  /** Called once the input is done with, read to its end or not. */
  close?(): Promise<void>;
}

/** NDJSON bytes: chunks (stdin, pieces) or a reader (a file). */
export type ByteInput = AsyncIterable<Buffer | string> | Iterable<Buffer | string> | ByteReader;
