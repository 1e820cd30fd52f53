/**
 * One job, one answer: `huntboard query` and Explore run the analyst's ES|QL by different paths
 * (the CLI hands the text and `--now` to the backend; Explore parses it first and pins now() as a
 * param). On the same text, params and now — Explore's window "as written" — they answer the same
 * rows, and the same error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryCommand } from '../cli/commands/query';
import { testIo } from '../cli/testing/io';
import type { Backend } from '../backends/types';
import { createSourceCatalog } from './sources';
import { runExplore } from './run';
import { exploreStore, NOW, type ExploreStore } from './testing/store';

let store: ExploreStore;
beforeAll(async () => {
  store = await exploreStore();
});
afterAll(async () => {
  await store.close();
});

const CASES: { query: string; params: Record<string, string | number>[] }[] = [
  { query: 'FROM logs-net | WHERE @timestamp > now() - 2 day | KEEP event.id, host.name | SORT event.id', params: [] },
  { query: 'FROM logs-net | WHERE destination.ip == TO_IP(?ip) | STATS n = COUNT(*) BY host.name | SORT host.name', params: [{ ip: '203.0.113.9' }] },
  { query: 'FROM logs-net | EVAL age = DATE_DIFF("hour", @timestamp, now()) | KEEP event.id, age | SORT age', params: [] },
  { query: 'ROW a = ?n + 1, t = now()', params: [{ n: 41 }] },
  { query: 'FROM assets | WHERE owner LIKE "web*" | KEEP host.name', params: [] },
  { query: 'FROM logs-net | WHERE b == 1', params: [] },
];

async function viaCli(query: string, params: Record<string, string | number>[]) {
  // The engine stays open across calls: the CLI closes the backend it was given.
  const engine: Backend = { kind: 'embedded', query: (r) => store.engine.query(r), describe: () => store.engine.describe(), close: async () => undefined };
  const io = testIo();
  io.deps = { ...io.deps, createBackend: () => engine };
  const args = [query, '--now', NOW.toISOString(), '--format', 'json', ...params.flatMap((p) => Object.entries(p).map(([k, v]) => `--param=${k}=${JSON.stringify(v)}`))];
  const code = await queryCommand(args, io);
  return code === 0 ? { ok: true, body: JSON.parse(io.out()) as { columns: unknown; values: unknown } } : { ok: false, err: io.err() };
}

describe('huntboard query and Explore', () => {
  it.each(CASES)('answer the same for $query', async ({ query, params }) => {
    const cli = await viaCli(query, params);
    const explore = await runExplore(store.engine, { query, params, window: { id: 'hunt' } }, NOW, createSourceCatalog());
    if (!explore.ok) {
      expect(cli.ok).toBe(false);
      expect(cli.err).toContain(explore.error.message.split('\n').at(-1));
      return;
    }
    expect(cli).toEqual({ ok: true, body: expect.objectContaining({ columns: explore.result.columns, values: explore.result.values }) });
    expect(explore.result.values.length).toBeGreaterThan(0);
  });
});
