/**
 * Which cluster we talk to and which headers it accepts. The 9.x client sends
 * `compatible-with=9` vendored headers that an 8.x cluster rejects (media_type_header_exception),
 * so the version is read once with plain JSON headers and 8.x gets `compatible-with=8`
 * (docs/esql-semantics.md §2.2).
 */
import 'server-only';
import type { IncomingHttpHeaders } from 'node:http';

export const MIN_VERSION = { major: 8, minor: 15 } as const;

export interface ClusterCompat {
  clusterName: string;
  version: string;
  major: number;
  minor: number;
  /** Per-request headers for every ES|QL call to this cluster (empty: the client's defaults). */
  headers: IncomingHttpHeaders;
}

/** Accepted by every 8.x and 9.x cluster: plain JSON, no compatible-with. */
export const PLAIN_JSON_HEADERS: IncomingHttpHeaders = { accept: 'application/json', 'content-type': 'application/json' };

const COMPAT_8 = 'application/vnd.elasticsearch+json; compatible-with=8';

export type CompatResult = { ok: true; compat: ClusterCompat } | { ok: false; message: string };

/** Reads `GET /`'s body: `{cluster_name, version: {number}}`. */
export function compatFromInfo(body: unknown): CompatResult {
  const info = body as { cluster_name?: unknown; version?: { number?: unknown; build_flavor?: unknown } } | null;
  const version = info?.version?.number;
  if (typeof version !== 'string') {
    return { ok: false, message: 'The cluster did not report its version (GET / has no version.number)' };
  }
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (match === null) return { ok: false, message: `Cannot read the Elasticsearch version "${version}"` };
  const clusterName = typeof info?.cluster_name === 'string' ? info.cluster_name : 'unknown';
  // Serverless reports a frozen 8.11.0 but is always current; plain JSON is what it accepts.
  if (info?.version?.build_flavor === 'serverless') {
    return { ok: true, compat: { clusterName, version: `${version} (serverless)`, major: 9, minor: 0, headers: PLAIN_JSON_HEADERS } };
  }
  const major = Number(match[1]);
  const minor = Number(match[2]);
  if (major < MIN_VERSION.major || (major === MIN_VERSION.major && minor < MIN_VERSION.minor)) {
    return {
      ok: false,
      message: `Unsupported Elasticsearch version ${version}: Huntboard needs ${MIN_VERSION.major}.${MIN_VERSION.minor} or later`,
    };
  }
  const headers: IncomingHttpHeaders = major === 8 ? { accept: COMPAT_8, 'content-type': COMPAT_8 } : {};
  return { ok: true, compat: { clusterName, version, major, minor, headers } };
}
