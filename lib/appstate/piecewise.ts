/**
 * Writes too big for one short transaction, done in pieces: each piece is its own short write
 * transaction, sized so that it holds SQLite's write lock about `targetMs`, and after each the
 * writer waits about as long as it held the lock. SQLite gives the lock to a waiting connection
 * by polling (the busy handler sleeps 1 ms, 2, 5, … 25, 50, 100 between tries): a writer that came
 * back at once would keep winning and starve it, measured. Waiting as long as it held keeps
 * another writer's wait near two pieces.
 */
import 'server-only';
import type { AppDatabase } from './database';

/**
 * One job done in pieces: called with how many rows the next piece may hold, it prepares what it
 * can outside the lock and returns the write to run in a transaction, or undefined when done.
 */
export type Pieces = ((rows: number) => (() => void) | undefined) & {
  /**
   * Written with foreign keys unchecked: rows that name a parent written only by the job's last
   * transaction (a staged run's). The pragma is per connection and is set back after each piece.
   */
  foreignKeysOff?: true;
};

export interface PieceOptions {
  /** The write lock held per piece (default 15 ms). */
  targetMs?: number;
  /** Rows of a job's first piece, before its pace is measured (default 2,000). */
  firstRows?: number;
  /** Called after each write transaction with how long it held the lock: tests and measurements. */
  onPiece?: (ms: number) => void;
}

const MIN_ROWS = 100;
const MAX_ROWS = 50_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs each job's pieces in order, each piece in its own IMMEDIATE transaction. */
export async function writeInPieces(db: AppDatabase, jobs: Iterable<Pieces>, options: PieceOptions = {}): Promise<void> {
  const targetMs = options.targetMs ?? 15;
  for (const job of jobs) {
    let rows = options.firstRows ?? 2_000;
    for (let write = job(rows); write !== undefined; write = job(rows)) {
      const t0 = performance.now();
      inTransaction(db, write, job.foreignKeysOff === true);
      const ms = performance.now() - t0;
      options.onPiece?.(ms);
      // The next piece's size from this one's pace, changing at most fourfold at a time.
      const scale = Math.min(4, Math.max(0.25, targetMs / Math.max(ms, 0.1)));
      rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, Math.round(rows * scale)));
      await sleep(Math.max(2, Math.ceil(ms)));
    }
  }
}

function inTransaction(db: AppDatabase, write: () => void, foreignKeysOff: boolean): void {
  // The pragma is a no-op inside a transaction: set around it.
  const restore = foreignKeysOff && db.pragma('foreign_keys', { simple: true }) === 1;
  if (restore) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(write).immediate();
  } finally {
    if (restore) db.pragma('foreign_keys = ON');
  }
}

/** A piece over items [from, to): what it prepares outside the lock, and the write it returns. */
type RangePiece = (from: number, to: number) => () => void;

/** Pieces over `count` items, from the first up. */
export function ascending(count: number, piece: RangePiece): Pieces {
  let next = 0;
  return (rows) => {
    if (next >= count) return undefined;
    const from = next;
    const to = Math.min(count, from + rows);
    next = to;
    return piece(from, to);
  };
}

/** Pieces over `count` items, from the last down. */
export function descending(count: number, piece: RangePiece): Pieces {
  let next = count;
  return (rows) => {
    if (next <= 0) return undefined;
    const to = next;
    const from = Math.max(0, to - rows);
    next = from;
    return piece(from, to);
  };
}
