/** Backend selection from the environment: a cluster when one is configured, else the embedded engine. */
import 'server-only';
import { loadBackendConfig, type BackendConfig, type ConfigError, type Env } from './config';
import { createElasticsearchBackend } from './elasticsearch';
import { createEmbeddedBackend } from './embedded';
import type { Backend } from './types';

export type { BackendConfig, ConfigError, ConfigResult, Env } from './config';
export { loadBackendConfig, redact } from './config';
export type * from './types';

/** Thrown by createBackend only: startup cannot go on with a broken configuration. */
export class BackendConfigError extends Error {
  constructor(readonly error: ConfigError) {
    super(error.message);
    this.name = 'BackendConfigError';
  }
}

export function backendFromConfig(config: BackendConfig): Backend {
  return config.kind === 'elasticsearch'
    ? createElasticsearchBackend(config)
    : createEmbeddedBackend({ dataDir: config.dataDir, ...(config.now !== undefined ? { now: config.now } : {}) });
}

/** Errors as data for callers that report them (CLI, health page). */
export function resolveBackend(env: Env = process.env): { ok: true; backend: Backend } | { ok: false; error: ConfigError } {
  const loaded = loadBackendConfig(env);
  return loaded.ok ? { ok: true, backend: backendFromConfig(loaded.config) } : loaded;
}

let cached: { env: Env; backend: Backend } | undefined;

/**
 * One backend per process (a client keeps its connection pool; DuckDB its instance). A different
 * env object (tests) gets a fresh backend.
 */
export function createBackend(env: Env = process.env): Backend {
  if (cached !== undefined && cached.env === env) return cached.backend;
  const resolved = resolveBackend(env);
  if (!resolved.ok) throw new BackendConfigError(resolved.error);
  cached = { env, backend: resolved.backend };
  return resolved.backend;
}

/** Closes and forgets the cached backend (shutdown, tests). */
export async function resetBackend(): Promise<void> {
  const current = cached;
  cached = undefined;
  await current?.backend.close();
}
