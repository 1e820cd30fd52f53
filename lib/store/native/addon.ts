/**
 * The native ingest addon (native/, built by `npm install`): its two calls, typed. Absent when
 * the build failed or was skipped, or refused when it loads (it cannot load, or was built for
 * another DuckDB than the one loaded: duckdb-abi.ts); ingest then reads every line through the
 * reference path (ingest.ts).
 */
import 'server-only';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PhysicalType } from '../mapping';
import { checkDuckdbAbi, type DuckdbVersions } from './duckdb-abi';
import { nativeIngestSetting } from './setting';

/** An opaque handle on a surveyed batch (and the Buffer its lines live in). */
export type BatchHandle = { readonly __batch: unique symbol };
/** An opaque handle on the DuckDB database an ingest writes its parts with. */
export type SessionHandle = { readonly __session: unique symbol };

export type SurveyOutcome = { batch: BatchHandle; untakeable: number[] } | { whole: string };

export interface NativePart {
  file: string;
  docCount: number;
  minTimestamp: number | null;
  maxTimestamp: number | null;
  columns: string[];
  multiValued: string[];
}

export type WriteOutcome = { parts: NativePart[] } | { error: string };

/** Counts '\n' in `bytes`, at most `max`: how many, and where the last counted one is (-1: none). */
export type CountLines = (bytes: Buffer, max: number) => [number, number];

export interface NativeAddon {
  countLines: CountLines;
  /** A buffer of `size` bytes from the kernel, in huge pages where it has them; unmapped when collected. */
  allocate(size: number): Buffer;
  /**
   * Pass 1 over `lineCount` lines joined by '\n': which the reader cannot take exactly. `split`:
   * two parts, not one; `fromText`: the bytes were JS strings (which may hold lone surrogates).
   * Two batches at a time per session: a batch's rows wait in the session until it is written
   * (or refused); a third survey throws.
   */
  survey(session: SessionHandle, lines: Buffer, lineCount: number, spec: string, split: boolean, fromText: boolean): Promise<SurveyOutcome>;
  /** Pass 2: the batch (or its two halves) as parts, with the JS path's rows (JSON, or null) for the untakeable lines. */
  write(session: SessionHandle, batch: BatchHandle, lines: number[], rows: (string | null)[], types: [string, PhysicalType][], files: [string, string]): Promise<WriteOutcome>;
  /** A surveyed batch that will not be written: its rows' room goes back to the session. */
  release(batch: BatchHandle): void;
  open(settings: { memoryLimit: string; tempDirectory: string }): SessionHandle;
  /** Not while a write of the session runs. */
  close(session: SessionHandle): void;
  duckdbVersion: DuckdbVersions;
}

const ADDON = path.join('native', 'build', 'Release', 'huntboard_ingest.node');

function addonPath(): string | undefined {
  const candidates = [process.cwd()];
  try {
    candidates.unshift(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..'));
  } catch {
    // import.meta.url is not a file URL in some bundles: the cwd is the project root there
  }
  return candidates.map((root) => path.join(root, ADDON)).find((file) => existsSync(file));
}

/** The built addon, or null (with why, once, on stderr) when it will not load or may not run. */
function load(file: string): NativeAddon | null {
  let addon: NativeAddon;
  try {
    addon = createRequire(import.meta.url)(file) as NativeAddon;
  } catch (e) {
    // a libduckdb without a symbol the addon links, say
    console.error(`huntboard: the native ingest reader did not load (${(e as Error).message}); ingest uses the slower reference path`);
    return null;
  }
  const check = checkDuckdbAbi(addon.duckdbVersion);
  if (check.ok) return addon;
  console.error(`huntboard: the native ingest reader is not used: ${check.reason}; ingest uses the slower reference path`);
  return null;
}

let loaded: NativeAddon | null | undefined;

/**
 * The addon, or undefined when it is not built or refused, or the setting turns it off. Throws on
 * a setting it cannot read (setting.ts), before ingest has touched anything.
 */
export function nativeAddon(): NativeAddon | undefined {
  const setting = nativeIngestSetting(process.env);
  if (setting.kind === 'invalid') throw new Error(setting.message);
  if (setting.kind === 'off') return undefined;
  if (loaded === undefined) {
    const file = addonPath();
    loaded = file ? load(file) : null;
  }
  return loaded ?? undefined;
}
