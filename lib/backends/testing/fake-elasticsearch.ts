/**
 * A local HTTP server that speaks enough of Elasticsearch for the backend tests and the e2e
 * suite: `GET /`, `POST /_query`, the async query API, product and compatibility headers, and
 * scripted failures. Queries are answered by a handler the test gives.
 */
import { createServer as createHttpsServer } from 'node:https';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { durationMs, parseJson, readBody, sendRaw, sendTruncated, settleWithin, targetOf, type FakeTarget } from './fake-elasticsearch-http';
import {
  compatRejection,
  defaultErrorBody,
  errorBody,
  requestedCompat,
  unknownFieldRejection,
  warningHeader,
  type EsErrorBody,
} from './fake-elasticsearch-responses';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, the raw text when it is not JSON, undefined without a body. */
  body: unknown;
}

export interface FakeAnswer {
  columns: { name: string; type: string }[];
  values: unknown[][];
  is_partial?: boolean;
  /** Milliseconds reported as `took` (default 3). */
  took?: number;
  /** Plain texts; sent as `299 Elasticsearch-…` Warning headers. */
  warnings?: string[];
}

/** An Elasticsearch error the handler answers instead, e.g. a 400 `verification_exception`. */
export interface FakeFailure {
  error: { status: number; type: string; reason: string };
}

export type FakeOutcome = FakeAnswer | FakeFailure;

/** May answer later (a real engine behind the fake): the async API then reports the query running. */
export type FakeHandler = (body: Record<string, unknown>, request: RecordedRequest) => FakeOutcome | Promise<FakeOutcome>;

export type { FakeTarget } from './fake-elasticsearch-http';

export type FakeStep = { on?: FakeTarget } & (
  | { kind: 'status'; status: number; error?: EsErrorBody; headers?: Record<string, string> }
  | { kind: 'delay'; ms: number }
  | { kind: 'malformed' }
  | { kind: 'truncated' }
  | { kind: 'hangup' }
  | { kind: 'no-product-header' }
  | { kind: 'warnings'; raw: string[] }
  | { kind: 'partial' }
  /** An async submit that stays running for `polls` GETs (Infinity: never finishes). */
  | { kind: 'running'; polls: number }
);

export interface FakeElasticsearchOptions {
  /** `version.number` of GET / (default 9.1.0); 8.x rejects compatible-with=9. */
  version?: string;
  clusterName?: string;
  handler?: FakeHandler;
  /** When set, requests must carry `Authorization: ApiKey <apiKey>` (else 401). */
  apiKey?: string;
  basic?: { username: string; password: string };
  /** Serve HTTPS with this certificate (see ./tls.ts). */
  tls?: { cert: string; key: string };
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** What `GET /_resolve/index/…` lists (default: nothing). */
  sources?: () => FakeSources | Promise<FakeSources>;
}

/** The cluster's names by kind; `hidden` indices are listed only when the request expands hidden wildcards. */
export interface FakeSources {
  indices?: string[];
  aliases?: string[];
  dataStreams?: string[];
  hidden?: string[];
}

export interface FakeElasticsearch {
  url: string;
  requests: RecordedRequest[];
  /** Queues steps; each is used by the first later request it matches (default target: query). */
  script(...steps: FakeStep[]): void;
  /** Ids of async queries the client cancelled with DELETE. */
  deleted: string[];
  /** Stops listening (new connections are refused, open ones dropped): the cluster went down. */
  refuseConnections(): Promise<void>;
  /** Listens again on the same port. */
  acceptConnections(): Promise<void>;
  close(): Promise<void>;
}

interface StoredQuery {
  outcome: Promise<FakeOutcome>;
  pollsLeft: number;
}

export function isFakeFailure(outcome: FakeOutcome): outcome is FakeFailure {
  return 'error' in outcome;
}

/** The Elasticsearch error envelope of a handler's failure. */
export function failureBody({ error }: FakeFailure): EsErrorBody {
  return errorBody(error.status, error.type, error.reason);
}

/** Handler exceptions become a 500, as an unexpected server-side failure does in Elasticsearch. */
async function outcomeOf(handler: FakeHandler, request: RecordedRequest): Promise<FakeOutcome> {
  try {
    return await handler(request.body as Record<string, unknown>, request);
  } catch (err) {
    return { error: { status: 500, type: 'exception', reason: `Internal server error: ${err instanceof Error ? err.message : String(err)}` } };
  }
}

export async function startFakeElasticsearch(options: FakeElasticsearchOptions = {}): Promise<FakeElasticsearch> {
  const version = options.version ?? '9.1.0';
  const [major, minor] = version.split('.').map(Number);
  const handler: FakeHandler = options.handler ?? (() => ({ columns: [], values: [] }));
  const requests: RecordedRequest[] = [];
  const deleted: string[] = [];
  const steps: FakeStep[] = [];
  const stored = new Map<string, StoredQuery>();
  const timers = new Set<NodeJS.Timeout>();
  let nextId = 1;

  function takeStep(target: Exclude<FakeTarget, 'any'>): FakeStep | undefined {
    const at = steps.findIndex((s) => (s.on ?? 'query') === target || s.on === 'any');
    return at < 0 ? undefined : steps.splice(at, 1)[0];
  }

  function authFailure(headers: IncomingHttpHeaders, path: string): EsErrorBody | undefined {
    const expected =
      options.apiKey !== undefined
        ? `ApiKey ${options.apiKey}`
        : options.basic !== undefined
          ? `Basic ${Buffer.from(`${options.basic.username}:${options.basic.password}`).toString('base64')}`
          : undefined;
    if (expected === undefined || headers.authorization === expected) return undefined;
    return errorBody(401, 'security_exception', `unable to authenticate with provided credentials for REST request [${path}]`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const raw = await readBody(req);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: raw === '' ? undefined : parseJson(raw),
    };
    requests.push(recorded);
    const compat = requestedCompat(req.headers).accept ?? major;
    const send = (status: number, body: unknown, extra: Record<string, string | string[]> = {}, product = true) => {
      res.statusCode = status;
      res.setHeader('content-type', `application/vnd.elasticsearch+json;compatible-with=${compat}`);
      if (product) res.setHeader('x-elastic-product', 'Elasticsearch');
      for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
      res.end(JSON.stringify(body));
    };
    const sendError = (error: EsErrorBody, extra: Record<string, string> = {}) => send(error.status, error, extra);

    const target = targetOf(recorded.method, url.pathname);
    const step = target === undefined ? undefined : takeStep(target);
    if (step?.kind === 'delay') await wait(step.ms);
    if (res.destroyed) return;
    if (step?.kind === 'hangup') return void req.socket.destroy();

    const rejected = compatRejection(major, req.headers) ?? authFailure(req.headers, url.pathname);
    if (rejected !== undefined) return sendError(rejected, rejected.status === 401 ? { 'www-authenticate': 'ApiKey, Basic realm="security"' } : {});
    if (step?.kind === 'status') return sendError(step.error ?? defaultErrorBody(step.status, url.pathname), step.headers);
    if (step?.kind === 'malformed') return sendRaw(res, compat, '{"columns": [{"name": "a", "type": "long"}], "values": [[1,}');
    if (step?.kind === 'truncated') return sendTruncated(res, compat);

    const product = step?.kind !== 'no-product-header';
    const rawWarnings = step?.kind === 'warnings' ? step.raw : [];
    const reply = (body: unknown, answer?: FakeAnswer) => {
      const warnings = [...rawWarnings, ...(answer?.warnings ?? []).map((w) => warningHeader(version, w))];
      send(200, body, warnings.length > 0 ? { warning: warnings } : {}, product);
    };

    if (target === 'info') {
      return reply({
        name: 'fake-node-1',
        cluster_name: options.clusterName ?? 'fake-cluster',
        cluster_uuid: 'fake-uuid',
        version: { number: version, build_flavor: 'default' },
        tagline: 'You Know, for Search',
      });
    }
    if (target === 'resolve') return reply(resolveBody(await (options.sources?.() ?? {}), url.pathname, recorded.query.expand_wildcards));
    // Finished (or failed): the result, or the error with its status, as Elasticsearch sends them.
    const complete = (outcome: FakeOutcome, prefix: Record<string, unknown>) =>
      isFakeFailure(outcome) ? sendError(failureBody(outcome)) : reply(resultBody(outcome, prefix), outcome);

    if (target === 'query') {
      const isAsync = url.pathname === '/_query/async';
      const invalid = unknownFieldRejection(recorded.body, isAsync, major, minor);
      if (invalid !== undefined) return sendError(invalid);
      const partial = step?.kind === 'partial';
      const outcome = outcomeOf(handler, recorded).then((o) => (partial && !isFakeFailure(o) ? { ...o, is_partial: true } : o));
      if (!isAsync) return complete(await outcome, {});
      const body = recorded.body as Record<string, unknown>;
      const settled = step?.kind === 'running' ? { done: false as const } : await settleWithin(outcome, durationMs(body.wait_for_completion_timeout));
      if (settled.done) return complete(settled.value, { is_running: false });
      const id = `FmFzeW5jLWlk${nextId++}`;
      stored.set(id, { outcome, pollsLeft: step?.kind === 'running' ? step.polls : 0 });
      return reply({ id, is_running: true });
    }
    const id = decodeURIComponent(url.pathname.slice('/_query/async/'.length));
    const query = stored.get(id);
    if (query === undefined) return sendError(errorBody(404, 'resource_not_found_exception', id));
    if (target === 'delete') {
      stored.delete(id);
      deleted.push(id);
      return reply({ acknowledged: true });
    }
    if (query.pollsLeft > 0) {
      query.pollsLeft -= 1;
      return reply({ id, is_running: true });
    }
    const settled = await settleWithin(query.outcome, durationMs(recorded.query.wait_for_completion_timeout));
    return settled.done ? complete(settled.value, { id, is_running: false }) : reply({ id, is_running: true });
  }

  function resultBody(answer: FakeAnswer, prefix: Record<string, unknown>): Record<string, unknown> {
    // `took`/`is_partial` exist from 8.16 (elastic/elasticsearch#112595), `documents_found`/`values_loaded` from 9.1 (#125631).
    const hasTook = major > 8 || minor >= 16;
    return {
      ...prefix,
      ...(hasTook ? { took: answer.took ?? 3, is_partial: answer.is_partial ?? false } : {}),
      ...(major > 9 || (major === 9 && minor >= 1) ? { documents_found: answer.values.length, values_loaded: 0 } : {}),
      columns: answer.columns,
      values: answer.values,
    };
  }

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
  const server = options.tls !== undefined ? createHttpsServer(options.tls, listener) : createServer(listener);
  await listen(server, options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  const stopListening = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });

  return {
    url: `${options.tls !== undefined ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    deleted,
    script: (...more) => void steps.push(...more),
    refuseConnections: () => stopListening(),
    acceptConnections: () =>
      server.listening ? Promise.resolve() : new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      return stopListening();
    },
  };
}

/** `GET /_resolve/index/<names>`'s answer: the names matching the comma-separated globs, hidden ones only when asked for. */
function resolveBody(sources: FakeSources, path: string, expand: string | undefined): Record<string, unknown> {
  const globs = decodeURIComponent(path.slice('/_resolve/index/'.length)).split(',').map(globRegExp);
  const showHidden = /\b(hidden|all)\b/.test(expand ?? '');
  const hidden = new Set(sources.hidden ?? []);
  const pick = (names: string[] = []) => names.filter((n) => globs.some((g) => g.test(n)) && (showHidden || !hidden.has(n)));
  const attributes = (n: string) => (hidden.has(n) ? ['hidden', 'open'] : ['open']);
  return {
    indices: pick([...(sources.indices ?? []), ...hidden]).map((name) => ({ name, attributes: attributes(name) })),
    aliases: pick(sources.aliases).map((name) => ({ name, indices: [] })),
    data_streams: pick(sources.dataStreams).map((name) => ({ name, backing_indices: [], timestamp_field: '@timestamp' })),
  };
}

function globRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** A URL nothing listens on: connection refused. */
export async function unusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
