import { describe, expect, it } from 'vitest';
import type { Backend, QueryRequest } from '../../backends/types';
import type { QueryResult } from '../../model/esql';
import { createSingleFlight, queryKey, sharedQuery, sharingQueries } from './single-flight';

type Answer = { ok: true; value: number } | { ok: false; cancelled: true };
const cancelled = (): Answer => ({ ok: false, cancelled: true });

/** A run the test settles by hand, recording the signal it was given. */
function deferredRun() {
  const calls: AbortSignal[] = [];
  let settle: (value: Answer) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const run = (signal: AbortSignal) => {
    calls.push(signal);
    return new Promise<Answer>((resolve, reject) => {
      settle = resolve;
      fail = reject;
      signal.addEventListener('abort', () => resolve({ ok: false, cancelled: true }));
    });
  };
  return { run, calls, settle: (v: Answer) => settle(v), fail: (e: unknown) => fail(e) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createSingleFlight', () => {
  it('runs 50 concurrent identical calls once and gives every caller the same result', async () => {
    const flight = createSingleFlight(cancelled);
    const d = deferredRun();
    const callers = Array.from({ length: 50 }, () => flight.run('k', d.run, new AbortController().signal));
    await tick();
    const answer: Answer = { ok: true, value: 42 };
    d.settle(answer);
    const results = await Promise.all(callers);
    expect(d.calls).toHaveLength(1);
    expect(results.every((r) => r === answer)).toBe(true);
    expect(flight.stats()).toEqual({ calls: 50, executions: 1 });
  });

  it('runs different keys separately', async () => {
    const flight = createSingleFlight(cancelled);
    let runs = 0;
    const run = (value: number) => async () => {
      runs++;
      return { ok: true, value } as Answer;
    };
    const [a, b] = await Promise.all([flight.run('a', run(1)), flight.run('b', run(2))]);
    expect(runs).toBe(2);
    expect(a).toEqual({ ok: true, value: 1 });
    expect(b).toEqual({ ok: true, value: 2 });
  });

  it('keeps nothing once settled: the next call runs again', async () => {
    const flight = createSingleFlight(cancelled);
    let runs = 0;
    const run = async (): Promise<Answer> => ({ ok: true, value: ++runs });
    expect(await flight.run('k', run)).toEqual({ ok: true, value: 1 });
    expect(flight.inFlight()).toBe(0);
    expect(await flight.run('k', run)).toEqual({ ok: true, value: 2 });
  });

  it('answers an aborted caller at once and still gives the other caller the result', async () => {
    const flight = createSingleFlight(cancelled);
    const d = deferredRun();
    const leaving = new AbortController();
    const first = flight.run('k', d.run, leaving.signal);
    const second = flight.run('k', d.run, new AbortController().signal);
    await tick();
    leaving.abort();
    expect(await first).toEqual({ ok: false, cancelled: true });
    expect(d.calls[0].aborted).toBe(false);
    d.settle({ ok: true, value: 7 });
    expect(await second).toEqual({ ok: true, value: 7 });
    expect(d.calls).toHaveLength(1);
  });

  it('aborts the execution when every caller aborted, and a later caller starts afresh', async () => {
    const flight = createSingleFlight(cancelled);
    const d = deferredRun();
    const a = new AbortController();
    const b = new AbortController();
    const calls = [flight.run('k', d.run, a.signal), flight.run('k', d.run, b.signal)];
    await tick();
    a.abort();
    expect(d.calls[0].aborted).toBe(false);
    b.abort();
    expect(d.calls[0].aborted).toBe(true);
    expect(await Promise.all(calls)).toEqual([cancelled(), cancelled()]);
    expect(flight.inFlight()).toBe(0);
    const again = flight.run('k', async () => ({ ok: true, value: 3 }) as Answer);
    expect(await again).toEqual({ ok: true, value: 3 });
    expect(flight.stats().executions).toBe(2);
  });

  it('does not start an execution for a caller already aborted', async () => {
    const flight = createSingleFlight(cancelled);
    const d = deferredRun();
    const gone = AbortSignal.abort();
    expect(await flight.run('k', d.run, gone)).toEqual(cancelled());
    expect(d.calls).toHaveLength(0);
  });

  it('shares a failure with every caller, then forgets it', async () => {
    const flight = createSingleFlight(cancelled);
    const d = deferredRun();
    const callers = [flight.run('k', d.run, new AbortController().signal), flight.run('k', d.run)];
    await tick();
    d.fail(new Error('boom'));
    const settled = await Promise.allSettled(callers);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(flight.inFlight()).toBe(0);
    expect(d.calls).toHaveLength(1);
  });

  it('shares a synchronous throw like a rejection', async () => {
    const flight = createSingleFlight(cancelled);
    const run = (): Promise<Answer> => {
      throw new Error('sync');
    };
    await expect(flight.run('k', run)).rejects.toThrow('sync');
    expect(flight.inFlight()).toBe(0);
  });

  it('reports the counters after each execution', async () => {
    const seen: number[] = [];
    const flight = createSingleFlight(cancelled, (s) => seen.push(s.executions));
    await flight.run('k', async () => ({ ok: true, value: 1 }) as Answer);
    expect(seen).toEqual([1]);
  });
});

/** A backend whose queries wait until the test releases them, counting calls. */
function slowBackend(kind: Backend['kind'] = 'embedded') {
  const requests: QueryRequest[] = [];
  const waiting: (() => void)[] = [];
  const backend: Backend = {
    kind,
    query: (request) => {
      requests.push(request);
      return new Promise<QueryResult>((resolve) => {
        const answer = (): void => resolve({ ok: true, response: { columns: [], values: [[request.query]], warnings: [], took: 1, is_partial: false } });
        waiting.push(answer);
        request.signal?.addEventListener('abort', () => resolve({ ok: false, error: { kind: 'cancelled', message: 'stopped' } }));
      });
    },
    describe: async () => ({ ok: true, info: { kind: 'embedded', dataDir: '', indices: [] } }),
    close: async () => undefined,
  };
  return { backend, requests, release: () => waiting.splice(0).forEach((f) => f()) };
}

describe('sharedQuery', () => {
  const now = new Date('2026-01-08T12:00:00Z');

  it('keys on backend identity, text, params and a pinned now', () => {
    const pinned = { HUNTBOARD_NOW: now.toISOString() };
    const a = slowBackend().backend;
    const b = slowBackend().backend;
    const base = queryKey(a, { query: 'FROM x', params: [{ p: 1 }], now }, pinned);
    expect(queryKey(a, { query: 'FROM x', params: [{ p: 1 }], now }, pinned)).toBe(base);
    expect(queryKey(b, { query: 'FROM x', params: [{ p: 1 }], now }, pinned)).not.toBe(base);
    expect(queryKey(a, { query: 'FROM y', params: [{ p: 1 }], now }, pinned)).not.toBe(base);
    expect(queryKey(a, { query: 'FROM x', params: [{ p: 2 }], now }, pinned)).not.toBe(base);
    expect(queryKey(a, { query: 'FROM x', params: [{ p: 1 }], now: new Date(0) }, pinned)).not.toBe(base);
  });

  it('lets requests a few milliseconds apart on the clock share', () => {
    const a = slowBackend().backend;
    const clock = {};
    expect(queryKey(a, { query: 'FROM x', now: new Date(1000) }, clock)).toBe(queryKey(a, { query: 'FROM x', now: new Date(1007) }, clock));
  });

  it('sends 50 identical concurrent queries to the backend once', async () => {
    const { backend, requests, release } = slowBackend();
    const all = Array.from({ length: 50 }, () => sharedQuery(backend, { query: 'FROM x', params: [{ p: 1 }], now, signal: new AbortController().signal }));
    await tick();
    release();
    const results = await Promise.all(all);
    expect(requests).toHaveLength(1);
    expect(results.every((r) => r.ok && r.response.values[0][0] === 'FROM x')).toBe(true);
  });

  it('sends queries with different params separately', async () => {
    const { backend, requests, release } = slowBackend();
    const all = [sharedQuery(backend, { query: 'FROM x', params: [{ p: 1 }], now }), sharedQuery(backend, { query: 'FROM x', params: [{ p: 2 }], now })];
    await tick();
    release();
    await Promise.all(all);
    expect(requests.map((r) => r.params)).toEqual([[{ p: 1 }], [{ p: 2 }]]);
  });

  it('answers the leaving caller cancelled, the staying one with rows, and cancels the backend only when all left', async () => {
    const { backend, requests, release } = slowBackend();
    const one = new AbortController();
    const two = new AbortController();
    const first = sharedQuery(backend, { query: 'FROM x', now, signal: one.signal });
    const second = sharedQuery(backend, { query: 'FROM x', now, signal: two.signal });
    await tick();
    one.abort();
    const left = await first;
    expect(left.ok === false && left.error.kind).toBe('cancelled');
    expect(requests[0].signal?.aborted).toBe(false);
    release();
    expect((await second).ok).toBe(true);

    const three = new AbortController();
    const third = sharedQuery(backend, { query: 'FROM z', now, signal: three.signal });
    await tick();
    three.abort();
    expect(requests[1].signal?.aborted).toBe(true);
    expect((await third).ok).toBe(false);
  });

  it('sharingQueries keeps the backend kind and routes its queries through the shared path', async () => {
    const { backend, requests, release } = slowBackend('elasticsearch');
    const shared = sharingQueries(backend);
    expect(shared.kind).toBe('elasticsearch');
    const both = [shared.query({ query: 'FROM x', now }), shared.query({ query: 'FROM x', now })];
    await tick();
    release();
    await Promise.all(both);
    expect(requests).toHaveLength(1);
    // One wrapper per backend: what is cached per backend object stays cached.
    expect(sharingQueries(backend)).toBe(shared);
  });
});
