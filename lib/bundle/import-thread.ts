/**
 * The server's bundle import: the job (lib/bundle/import) runs on a worker thread, so gunzip,
 * parsing, validation and the inserts of a million-finding bundle never hold the event loop that
 * answers everyone else. Imports run one at a time (each may hold a large bundle in memory).
 *
 * The worker is a plain .mjs file under the project root, loaded by absolute path at run time so
 * no bundler rewrites it. When it cannot start (no such file, an in-memory app state in a test),
 * the job runs on this thread: slower for others, never wrong.
 */
import 'server-only';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { APP_STATE_FILE } from '../appstate/db';
import type { AppDatabase } from '../appstate/database';
import { importBundleNow } from './import';
import type { ImportOptions, ImportResult } from './import-result';
import type { ImportJob } from './import-job';

export const IMPORT_WORKER_PATH = path.join('lib', 'bundle', 'import-worker.mjs');

export interface ImportThreadOptions {
  /** The worker entry (default: IMPORT_WORKER_PATH under the working directory, the project root). */
  workerFile?: string;
}

type WorkerMessage = { kind: 'ready' } | { kind: 'done'; result: ImportResult };

type Outcome = { kind: 'result'; result: ImportResult } | { kind: 'no-worker'; reason: string };

const STOPPED: ImportResult = { ok: false, reason: 'invalid', message: 'The import stopped unexpectedly; nothing was imported.' };

/**
 * One worker, kept between imports: loading the job's TypeScript costs about a second, which every
 * import (and every refused file) would pay again. It holds the process open only while a job runs.
 */
interface LiveWorker {
  file: string;
  worker: Worker;
  /** Undefined once the job module loaded; else why the worker could not start. */
  ready: Promise<string | undefined>;
  current?: (outcome: Outcome) => void;
}

let live: LiveWorker | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** A directory the worker can open the same app state file in; undefined for an in-memory or renamed one. */
function dataDirOf(db: AppDatabase): string | undefined {
  if (db.memory || path.basename(db.name) !== APP_STATE_FILE) return undefined;
  return path.dirname(path.resolve(db.name));
}

function startWorker(file: string): LiveWorker {
  // Reflect.construct: a bundler that sees `new Worker(…)` tries to bundle its entry; this one must stay a file.
  const worker = Reflect.construct(Worker, [file]) as Worker;
  worker.unref();
  let markReady: (reason: string | undefined) => void = () => undefined;
  const entry: LiveWorker = { file, worker, ready: new Promise((resolve) => (markReady = resolve)) };
  const finish = (outcome: Outcome) => {
    const current = entry.current;
    entry.current = undefined;
    worker.unref();
    current?.(outcome);
  };
  const died = (reason: string) => {
    if (live === entry) live = undefined;
    markReady(reason);
    // A job that dies before its final transaction committed leaves nothing visible, and the next
    // import removes what its pieces wrote (lib/bundle/import-write).
    if (entry.current) console.error(`huntboard: the bundle import worker failed: ${reason}`);
    finish({ kind: 'result', result: STOPPED });
  };
  worker.on('message', (message: WorkerMessage) => {
    if (message.kind === 'ready') markReady(undefined);
    else finish({ kind: 'result', result: message.result });
  });
  worker.on('error', (err) => died(err.message));
  worker.on('exit', (code) => died(`exited with code ${code}`));
  return entry;
}

async function onWorker(file: string, job: ImportJob): Promise<Outcome> {
  if (live?.file !== file) {
    void live?.worker.terminate();
    live = startWorker(file);
  }
  const entry = live;
  const notStarted = await entry.ready;
  if (notStarted !== undefined) return { kind: 'no-worker', reason: notStarted };
  return new Promise((resolve) => {
    entry.current = resolve;
    entry.worker.ref();
    entry.worker.postMessage(job);
  });
}

async function runImport(db: AppDatabase, bytes: Uint8Array, options: ImportOptions, thread: ImportThreadOptions): Promise<ImportResult> {
  const dataDir = dataDirOf(db);
  const file = thread.workerFile ?? path.join(process.cwd(), IMPORT_WORKER_PATH);
  // The worker is a file outside the bundle on purpose: nothing for the build to trace here.
  if (dataDir !== undefined && existsSync(/*turbopackIgnore: true*/ file)) {
    const outcome = await onWorker(file, { dataDir, bytes, options });
    if (outcome.kind === 'result') return outcome.result;
    console.error(`huntboard: no bundle import worker (${outcome.reason}); importing on the request thread.`);
  }
  return importBundleNow(db, bytes, options);
}

export function importBundle(db: AppDatabase, bytes: Uint8Array, options: ImportOptions, thread: ImportThreadOptions = {}): Promise<ImportResult> {
  const next = queue.then(() => runImport(db, bytes, options, thread));
  queue = next.catch(() => undefined);
  return next;
}
