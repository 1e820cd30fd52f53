/** Low-level HTTP pieces of the fake Elasticsearch: routing, raw and broken bodies, timing. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Which requests a scripted step applies to. */
export type FakeTarget = 'info' | 'query' | 'poll' | 'delete' | 'resolve' | 'any';

export function targetOf(method: string, path: string): Exclude<FakeTarget, 'any'> | undefined {
  if (method === 'GET' && path === '/') return 'info';
  if (method === 'GET' && path.startsWith('/_resolve/index/')) return 'resolve';
  if (method === 'POST' && (path === '/_query' || path === '/_query/async')) return 'query';
  if (path.startsWith('/_query/async/')) return method === 'DELETE' ? 'delete' : method === 'GET' ? 'poll' : undefined;
  return undefined;
}

export function sendRaw(res: ServerResponse, compat: number, text: string): void {
  res.statusCode = 200;
  res.setHeader('content-type', `application/vnd.elasticsearch+json;compatible-with=${compat}`);
  res.setHeader('x-elastic-product', 'Elasticsearch');
  res.end(text);
}

/** Promises a longer body than it sends, then closes the connection. */
export function sendTruncated(res: ServerResponse, compat: number): void {
  const text = '{"took": 3, "is_partial": false, "columns": [{"name": "a", "type": "long"}], "values": [[1], [2]]}';
  res.statusCode = 200;
  res.setHeader('content-type', `application/vnd.elasticsearch+json;compatible-with=${compat}`);
  res.setHeader('x-elastic-product', 'Elasticsearch');
  res.setHeader('content-length', String(text.length));
  res.write(text.slice(0, 40));
  setTimeout(() => res.socket?.destroy(), 5);
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const DURATION = /^(\d+)(ms|s|m)$/;

/** An Elasticsearch time value (`100ms`, `1s`, `2m`) in milliseconds; Elasticsearch's default 1s otherwise. */
export function durationMs(value: unknown): number {
  const match = typeof value === 'string' ? DURATION.exec(value) : null;
  if (match === null) return 1000;
  const scale = match[2] === 'ms' ? 1 : match[2] === 's' ? 1000 : 60_000;
  return Number(match[1]) * scale;
}

export type Settled<T> = { done: true; value: T } | { done: false };

/**
 * Waits at most `ms` for a promise, like an async search's wait_for_completion_timeout: an
 * already-settled promise always wins, so synchronous handlers never look "running".
 */
export function settleWithin<T>(promise: Promise<T>, ms: number): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  const settled = promise.then((value): Settled<T> => ({ done: true, value }));
  return Promise.race([settled, timeout]).finally(() => clearTimeout(timer));
}
