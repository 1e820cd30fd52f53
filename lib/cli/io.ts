/**
 * What a CLI command touches: output streams, environment, stdin, and the modules that reach data
 * (backend, store, demo). Tests pass fakes; the real modules are imported lazily so that
 * `huntboard hunts …` works without loading DuckDB or the Elasticsearch client.
 */
import 'server-only';
import path from 'node:path';
import type { Backend } from '../backends/types';
import type { DemoOptions, DemoSummary } from '../demo';
import type { EventStore } from '../store/types';

export interface OutputStream {
  write(chunk: string): unknown;
}

export interface CliDeps {
  createBackend(env: Record<string, string | undefined>): Backend | Promise<Backend>;
  openStore(dataDir: string): EventStore | Promise<EventStore>;
  writeDemo(store: EventStore, options: DemoOptions): Promise<DemoSummary>;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadableStream;
  /** Replaces data-access modules (tests). */
  deps?: Partial<CliDeps>;
}

export const realDeps: CliDeps = {
  async createBackend(env) {
    const backends = await import('../backends');
    return backends.createBackend(env as NodeJS.ProcessEnv);
  },
  async openStore(dataDir) {
    const store = await import('../store');
    return store.openStore(dataDir);
  },
  async writeDemo(store, options) {
    const demo = await import('../demo');
    return demo.writeDemo(store, options);
  },
};

export function depsOf(io: CliIo): CliDeps {
  return { ...realDeps, ...io.deps };
}

/** A mistake in how the command was called: usage on stderr, exit code 2. */
export class UsageError extends Error {}

export function dataDirOf(env: CliIo['env']): string {
  return path.resolve(env.HUNTBOARD_DATA_DIR || 'data');
}

export function usesCluster(env: CliIo['env']): boolean {
  return Boolean(env.ELASTICSEARCH_URL || env.ELASTICSEARCH_CLOUD_ID);
}
