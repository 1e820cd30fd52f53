/**
 * Environment → BackendConfig. A cluster URL or cloud id selects Elasticsearch; otherwise the
 * embedded engine. Problems come back as data naming the variable, never echoing a secret.
 */
import 'server-only';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export type ElasticsearchAuth =
  | { kind: 'none' }
  | { kind: 'api_key'; apiKey: string }
  | { kind: 'basic'; username: string; password: string };

export interface ElasticsearchConfig {
  kind: 'elasticsearch';
  /** Exactly one of node / cloudId is set. */
  node?: string;
  cloudId?: string;
  /** Where the cluster is, safe to show (no userinfo). */
  displayTarget: string;
  auth: ElasticsearchAuth;
  /** PEM contents of ELASTICSEARCH_CA_CERT, read once here so a bad path is a config error. */
  caCert?: string;
  tlsVerify: boolean;
  /** Per HTTP request (ELASTICSEARCH_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** Whole query including async polling (HUNTBOARD_QUERY_TIMEOUT_MS). */
  queryTimeoutMs: number;
}

export interface EmbeddedConfig {
  kind: 'embedded';
  dataDir: string;
  now?: Date;
}

export type BackendConfig = ElasticsearchConfig | EmbeddedConfig;

export interface ConfigError {
  variable: string;
  message: string;
}

export type ConfigResult = { ok: true; config: BackendConfig } | { ok: false; error: ConfigError };

export type Env = Record<string, string | undefined>;

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_QUERY_TIMEOUT_MS = 120_000;
export const DEFAULT_DATA_DIR = './data';

const positiveInt = z.coerce.number().int().positive();
/** ISO-8601 with a date and a time zone or plain date; Date.parse alone accepts too much. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export interface LoadConfigDeps {
  readFile?: (path: string) => string;
}

export function loadBackendConfig(env: Env, deps: LoadConfigDeps = {}): ConfigResult {
  const read = deps.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const url = nonEmpty(env.ELASTICSEARCH_URL);
  const cloudId = nonEmpty(env.ELASTICSEARCH_CLOUD_ID);
  if (url === undefined && cloudId === undefined) return embeddedConfig(env);
  if (url !== undefined && cloudId !== undefined) {
    return fail('ELASTICSEARCH_URL', 'Set either ELASTICSEARCH_URL or ELASTICSEARCH_CLOUD_ID, not both');
  }

  let node: string | undefined;
  let displayTarget: string;
  let urlAuth: ElasticsearchAuth = { kind: 'none' };
  if (url !== undefined) {
    const parsed = parseUrl(url);
    if (!parsed.ok) return parsed;
    ({ node, displayTarget } = parsed);
    urlAuth = parsed.auth;
  } else {
    const checked = checkCloudId(cloudId as string);
    if (!checked.ok) return checked;
    displayTarget = checked.displayTarget;
  }

  const auth = parseAuth(env, urlAuth);
  if (!auth.ok) return auth;

  const tlsVerifyRaw = nonEmpty(env.ELASTICSEARCH_TLS_VERIFY)?.toLowerCase();
  if (tlsVerifyRaw !== undefined && !['true', 'false', '1', '0'].includes(tlsVerifyRaw)) {
    return fail('ELASTICSEARCH_TLS_VERIFY', 'ELASTICSEARCH_TLS_VERIFY must be "true" or "false"');
  }
  const tlsVerify = !(tlsVerifyRaw === 'false' || tlsVerifyRaw === '0');

  let caCert: string | undefined;
  const caPath = nonEmpty(env.ELASTICSEARCH_CA_CERT);
  if (caPath !== undefined) {
    try {
      caCert = read(caPath);
    } catch {
      return fail('ELASTICSEARCH_CA_CERT', `ELASTICSEARCH_CA_CERT: cannot read the CA certificate file ${caPath}`);
    }
    if (!caCert.includes('-----BEGIN CERTIFICATE-----')) {
      return fail('ELASTICSEARCH_CA_CERT', `ELASTICSEARCH_CA_CERT: ${caPath} is not a PEM certificate`);
    }
  }

  const requestTimeoutMs = parseTimeout(env, 'ELASTICSEARCH_REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS);
  if (!requestTimeoutMs.ok) return requestTimeoutMs;
  const queryTimeoutMs = parseTimeout(env, 'HUNTBOARD_QUERY_TIMEOUT_MS', DEFAULT_QUERY_TIMEOUT_MS);
  if (!queryTimeoutMs.ok) return queryTimeoutMs;

  return {
    ok: true,
    config: {
      kind: 'elasticsearch',
      ...(node !== undefined ? { node } : { cloudId }),
      displayTarget,
      auth: auth.auth,
      ...(caCert !== undefined ? { caCert } : {}),
      tlsVerify,
      requestTimeoutMs: requestTimeoutMs.value,
      queryTimeoutMs: queryTimeoutMs.value,
    },
  };
}

/** Every secret the config holds, for redacting messages and logs. */
export function secretsOf(config: BackendConfig): string[] {
  if (config.kind !== 'elasticsearch') return [];
  const { auth } = config;
  if (auth.kind === 'api_key') return [auth.apiKey];
  if (auth.kind === 'basic') {
    const encoded = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
    return [auth.password, encoded, encodeURIComponent(auth.password)];
  }
  return [];
}

/** Replaces every occurrence of a secret (longest first, so overlaps vanish whole). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join('[redacted]');
  }
  return out;
}

function embeddedConfig(env: Env): ConfigResult {
  const dataDir = nonEmpty(env.HUNTBOARD_DATA_DIR) ?? DEFAULT_DATA_DIR;
  const nowRaw = nonEmpty(env.HUNTBOARD_NOW);
  if (nowRaw === undefined) return { ok: true, config: { kind: 'embedded', dataDir } };
  const now = parseIsoInstant(nowRaw);
  if (now === undefined) {
    return fail('HUNTBOARD_NOW', `HUNTBOARD_NOW must be an ISO-8601 timestamp such as 2024-05-01T12:00:00Z, got "${nowRaw}"`);
  }
  return { ok: true, config: { kind: 'embedded', dataDir, now } };
}

type UrlParse =
  | { ok: true; node: string; displayTarget: string; auth: ElasticsearchAuth }
  | { ok: false; error: ConfigError };

function parseUrl(raw: string): UrlParse {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The raw value may carry credentials: do not echo it.
    return fail('ELASTICSEARCH_URL', 'ELASTICSEARCH_URL is not a valid URL (expected http(s)://host:port)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail('ELASTICSEARCH_URL', `ELASTICSEARCH_URL must use http or https, got ${url.protocol}`);
  }
  // Userinfo in the URL becomes basic auth so it never travels in a displayed URL.
  const auth: ElasticsearchAuth =
    url.username !== ''
      ? { kind: 'basic', username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }
      : { kind: 'none' };
  url.username = '';
  url.password = '';
  const node = url.toString().replace(/\/$/, '');
  return { ok: true, node, displayTarget: node, auth };
}

function checkCloudId(cloudId: string): { ok: true; displayTarget: string } | { ok: false; error: ConfigError } {
  const [name, encoded] = splitOnce(cloudId, ':');
  const parts = encoded === undefined ? [] : Buffer.from(encoded, 'base64').toString().split('$');
  if (parts.length < 2 || parts[0] === '' || parts[1] === '') {
    return fail('ELASTICSEARCH_CLOUD_ID', 'ELASTICSEARCH_CLOUD_ID is malformed (expected <name>:<base64 of host$es-id$kibana-id>)');
  }
  return { ok: true, displayTarget: `Elastic Cloud deployment ${name}` };
}

function parseAuth(env: Env, urlAuth: ElasticsearchAuth): { ok: true; auth: ElasticsearchAuth } | { ok: false; error: ConfigError } {
  const apiKey = nonEmpty(env.ELASTICSEARCH_API_KEY);
  const username = nonEmpty(env.ELASTICSEARCH_USERNAME);
  const password = env.ELASTICSEARCH_PASSWORD;
  if (apiKey !== undefined && username !== undefined) {
    return fail('ELASTICSEARCH_API_KEY', 'Set either ELASTICSEARCH_API_KEY or ELASTICSEARCH_USERNAME/ELASTICSEARCH_PASSWORD, not both');
  }
  if (apiKey !== undefined) return { ok: true, auth: { kind: 'api_key', apiKey } };
  if (username !== undefined) {
    if (password === undefined || password === '') {
      return fail('ELASTICSEARCH_PASSWORD', 'ELASTICSEARCH_USERNAME is set but ELASTICSEARCH_PASSWORD is not');
    }
    return { ok: true, auth: { kind: 'basic', username, password } };
  }
  if (password !== undefined && password !== '') {
    return fail('ELASTICSEARCH_USERNAME', 'ELASTICSEARCH_PASSWORD is set but ELASTICSEARCH_USERNAME is not');
  }
  return { ok: true, auth: urlAuth };
}

function parseTimeout(env: Env, variable: string, fallback: number): { ok: true; value: number } | { ok: false; error: ConfigError } {
  const raw = nonEmpty(env[variable]);
  if (raw === undefined) return { ok: true, value: fallback };
  const parsed = positiveInt.safeParse(raw);
  if (!parsed.success || !/^\d+$/.test(raw)) {
    return fail(variable, `${variable} must be a positive whole number of milliseconds, got "${raw}"`);
  }
  return { ok: true, value: parsed.data };
}

/**
 * A date-time without an offset is read as UTC, not local time, so a pinned run is the same on
 * every machine. Impossible dates (Feb 30) are rejected rather than rolled over.
 */
function parseIsoInstant(raw: string): Date | undefined {
  if (!ISO_8601.test(raw)) return undefined;
  const hasTime = /[T ]\d/.test(raw);
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(raw);
  const date = new Date(hasTime && !hasZone ? `${raw.replace(' ', 'T')}Z` : raw.replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) return undefined;
  const [year, month, day] = raw.slice(0, 10).split('-').map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return undefined;
  return date;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function fail(variable: string, message: string): { ok: false; error: ConfigError } {
  return { ok: false, error: { variable, message } };
}
