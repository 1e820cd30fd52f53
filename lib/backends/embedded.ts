/** The embedded backend: lib/engine over the local store. Thin, so backend selection lives here. */
import 'server-only';
import { createEmbeddedEngine, type EmbeddedEngine } from '../engine';

export interface EmbeddedBackendOptions {
  dataDir: string;
  /** HUNTBOARD_NOW: pins now() when a request carries none. */
  now?: Date;
}

export function createEmbeddedBackend({ dataDir, now }: EmbeddedBackendOptions): EmbeddedEngine {
  return createEmbeddedEngine({ dataDir, ...(now !== undefined ? { now: () => now } : {}) });
}
