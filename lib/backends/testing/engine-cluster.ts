/**
 * An Elasticsearch-speaking test cluster whose `_query` is answered by a real ES|QL engine (the
 * embedded one over the demo world), so the dashboard can be driven end to end on its
 * Elasticsearch backend without a JVM. Test tooling only: scripts/fake-cluster.mts runs it.
 */
import { openStore } from '../../store';
import { writeDemo, type DemoSummary } from '../../demo';
import { createEmbeddedEngine } from '../../engine';
import type { Backend } from '../types';
import type { BackendError, EsqlParams } from '../../model/esql';
import { startFakeElasticsearch, type FakeElasticsearch, type FakeFailure, type FakeHandler, type FakeSources } from './fake-elasticsearch';

export const DEFAULT_CLUSTER_NAME = 'huntboard-e2e';

export interface EngineClusterOptions {
  /** What answers the queries; the cluster does not close it. */
  engine: Backend;
  /** `now()` of every query: the cluster's clock, pinned so results are reproducible. */
  now: Date;
  /** When set, every request must carry `Authorization: ApiKey <apiKey>`. */
  apiKey?: string;
  /** `version.number` of GET / (default 9.1.0); 8.x answers in 8.x's shape. */
  version?: string;
  clusterName?: string;
  /** Port on 127.0.0.1 (default: any free port). */
  port?: number;
}

export interface EngineCluster {
  url: string;
  /** The underlying fake: recorded requests, scripted failures. */
  fake: FakeElasticsearch;
  close(): Promise<void>;
}

export interface DemoClusterOptions extends Omit<EngineClusterOptions, 'engine'> {
  /** An empty directory for the demo store. */
  dataDir: string;
  /** Demo volume (1 ≈ 150k network events a week). */
  scale?: number;
}

export interface DemoCluster extends EngineCluster {
  demo: DemoSummary;
}

/** Request fields the engine cannot honour: refused rather than silently ignored. */
const UNSUPPORTED_FIELDS = ['filter', 'tables', 'profile'] as const;

/**
 * Engine failures as the Elasticsearch errors a cluster sends for the same mistake. The engine's
 * `unsupported` has no cluster equivalent: it is reported as a 400 `illegal_argument_exception`
 * so a test sees a refusal, never a different answer.
 */
export function toFakeFailure(error: BackendError): FakeFailure {
  const fail = (status: number, type: string): FakeFailure => ({ error: { status, type, reason: error.message } });
  switch (error.kind) {
    case 'parsing':
      return fail(400, 'parsing_exception');
    case 'verification':
    case 'unknown_index':
      return fail(400, 'verification_exception');
    case 'unsupported':
    case 'bad_request':
      return fail(400, 'illegal_argument_exception');
    case 'cancelled':
      return fail(400, 'task_cancelled_exception');
    case 'timeout':
      return fail(408, 'elasticsearch_timeout_exception');
    default:
      return fail(500, 'exception');
  }
}

function readParams(body: Record<string, unknown>): { ok: true; params?: EsqlParams } | { ok: false; failure: FakeFailure } {
  if (body.params === undefined) return { ok: true };
  if (Array.isArray(body.params)) return { ok: true, params: body.params as EsqlParams };
  return { ok: false, failure: { error: { status: 400, type: 'x_content_parse_exception', reason: '[1:1] [esql/query] failed to parse field [params]' } } };
}

/** `_query` bodies → engine queries at the pinned `now`. */
export function engineHandler(engine: Backend, now: Date): FakeHandler {
  return async (body) => {
    const unsupported = UNSUPPORTED_FIELDS.find((field) => body[field] !== undefined);
    if (unsupported !== undefined) {
      return { error: { status: 400, type: 'illegal_argument_exception', reason: `the test cluster does not support [${unsupported}]` } };
    }
    if (typeof body.query !== 'string') {
      return { error: { status: 400, type: 'parsing_exception', reason: 'Required [query]' } };
    }
    const params = readParams(body);
    if (!params.ok) return params.failure;
    const result = await engine.query({ query: body.query, ...(params.params !== undefined ? { params: params.params } : {}), now });
    if (!result.ok) return toFakeFailure(result.error);
    const { columns, values, warnings, took, is_partial } = result.response;
    return { columns, values, warnings, took, is_partial };
  };
}

/** The engine's indices as the cluster's: what resolve-index lists. */
export async function engineSources(engine: Backend): Promise<FakeSources> {
  const described = await engine.describe();
  return { indices: described.ok && described.info.kind === 'embedded' ? described.info.indices.map((i) => i.name) : [] };
}

export async function startEngineCluster(options: EngineClusterOptions): Promise<EngineCluster> {
  const fake = await startFakeElasticsearch({
    handler: engineHandler(options.engine, options.now),
    sources: () => engineSources(options.engine),
    version: options.version ?? '9.1.0',
    clusterName: options.clusterName ?? DEFAULT_CLUSTER_NAME,
    ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  return { url: fake.url, fake, close: () => fake.close() };
}

/** Writes the demo world ending at `now` into `dataDir`, then serves it as a cluster. */
export async function startDemoCluster(options: DemoClusterOptions): Promise<DemoCluster> {
  const { dataDir, scale, ...clusterOptions } = options;
  const demo = await writeDemo(openStore(dataDir), { now: options.now, ...(scale !== undefined ? { scale } : {}) });
  const engine = createEmbeddedEngine({ dataDir, now: () => options.now });
  const cluster = await startEngineCluster({ ...clusterOptions, engine });
  return {
    ...cluster,
    demo,
    close: async () => {
      await cluster.close();
      await engine.close();
    },
  };
}
