/**
 * Whether the built addon may run with the DuckDB loaded now. Its declarations of DuckDB's C API
 * (native/include/duckdb_abi.h) hold for one minor version; a library of another could change a
 * struct layout or a signature under it, which shows as corrupted parts rather than an error. So an
 * addon is refused, and ingest takes the reference path, unless the two minor versions agree.
 */
import 'server-only';

/** What the addon reports: the DuckDB its declarations hold for, and duckdb_library_version(). */
export interface DuckdbVersions {
  builtFor: string;
  linked: string;
}

export type AbiCheck = { ok: true } | { ok: false; reason: string };

/** "1.5" of "1.5.6", "v1.5.6" or "1.5.6-dev12"; undefined when it is none of these. */
export function minorVersion(version: string): string | undefined {
  const m = /^v?(\d+)\.(\d+)(?:[.-]|$)/.exec(version);
  return m ? `${m[1]}.${m[2]}` : undefined;
}

/** `reported` is the addon's `duckdbVersion` export: absent from a build older than this check. */
export function checkDuckdbAbi(reported: unknown): AbiCheck {
  const versions = reported as Partial<DuckdbVersions> | undefined;
  if (typeof versions?.builtFor !== 'string' || typeof versions.linked !== 'string') {
    return { ok: false, reason: 'the addon does not say which DuckDB it was built for (a build older than the check): rebuild it with `npm run build:native`' };
  }
  const built = minorVersion(versions.builtFor);
  const linked = minorVersion(versions.linked);
  if (!built || !linked) return { ok: false, reason: `unreadable DuckDB versions (built for "${versions.builtFor}", loaded "${versions.linked}")` };
  if (built !== linked) {
    return {
      ok: false,
      reason: `it was built for DuckDB ${built} (native/include/duckdb_abi.h) but DuckDB ${versions.linked} is loaded; check the declarations against that version, then \`npm run build:native\``,
    };
  }
  return { ok: true };
}
