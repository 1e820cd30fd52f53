/**
 * `npx tsx scripts/shared-query-bench.ts`: what sharing identical executions buys, measured on
 * the engine itself (no server, no build): SHARED_CALLERS concurrent runs of each seed query
 * over the ~1M-event demo store, first each caller with its own execution, then through
 * sharedQuery. Writes bench/results/shared-query-latest.md. SHARED_SCALE / SHARED_CALLERS override.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmbeddedBackend } from '../lib/backends/embedded';
import type { Backend } from '../lib/backends/types';
import type { QueryResult } from '../lib/model/esql';
import { DEMO_INDICES, writeDemo } from '../lib/demo';
import { NETWORK_EVENTS_PER_WEEK } from '../lib/demo/traffic';
import { sharedQuery, sharedQueryStats } from '../lib/server/process/single-flight';
import { openStore } from '../lib/store';
import { seedQueries } from '../bench/seed-queries';

const NOW = new Date('2026-01-08T12:00:00.000Z');
const SCALE = Number(process.env.SHARED_SCALE ?? 1_000_000 / NETWORK_EVENTS_PER_WEEK);
const CALLERS = Number(process.env.SHARED_CALLERS ?? 50);
const OUT = path.join(__dirname, '../bench/results/shared-query-latest.md');

interface Measure {
  wallMs: number;
  executions: number;
  rows: number;
  allOk: boolean;
}

/** The backend with its queries counted, so "executions" is what the engine really ran. */
function counting(backend: Backend): { backend: Backend; count: () => number } {
  let n = 0;
  return {
    backend: { ...backend, kind: backend.kind, query: (r) => (n++, backend.query(r)), describe: () => backend.describe(), close: () => backend.close() },
    count: () => n,
  };
}

async function measure(run: () => Promise<QueryResult>, executions: () => number): Promise<Measure> {
  const before = executions();
  const t0 = performance.now();
  const results = await Promise.all(Array.from({ length: CALLERS }, run));
  const wallMs = performance.now() - t0;
  const rows = results[0].ok ? results[0].response.values.length : -1;
  return { wallMs, executions: executions() - before, rows, allOk: results.every((r) => r.ok && r.response.values.length === rows) };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-shared-'));
  try {
    const summary = await writeDemo(openStore(dataDir), { now: NOW, scale: SCALE });
    const network = summary.indices.find((i) => i.index === DEMO_INDICES.network)?.stored ?? 0;
    const counted = counting(createEmbeddedBackend({ dataDir, now: NOW }));
    const lines = [
      `# Shared executions ${new Date().toISOString()}`,
      '',
      `${os.cpus().length} cores, Node ${process.version}; embedded engine over ${network} network events; ${CALLERS} concurrent identical callers per query.`,
      '',
      '| query | mode | executions | wall ms (all callers answered) | rows | all answers equal |',
      '|---|---|---:|---:|---:|---|',
    ];
    for (const [name, query] of Object.entries(await seedQueries())) {
      await counted.backend.query({ query, now: NOW }); // warm-up: DuckDB and the page cache
      const own = await measure(() => counted.backend.query({ query, now: NOW }), counted.count);
      const shared = await measure(() => sharedQuery(counted.backend, { query, now: NOW, signal: new AbortController().signal }), counted.count);
      for (const [mode, m] of [['one execution each', own], ['shared (single-flight)', shared]] as const) {
        lines.push(`| ${name} | ${mode} | ${m.executions} | ${m.wallMs.toFixed(0)} | ${m.rows} | ${m.allOk} |`);
      }
    }
    const stats = sharedQueryStats();
    lines.push('', `single-flight counters: ${stats.calls} calls, ${stats.executions} executions.`, '');
    await counted.backend.close();
    const text = lines.join('\n');
    console.log(text);
    mkdirSync(path.dirname(OUT), { recursive: true });
    writeFileSync(OUT, text);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`shared-query-bench: ${(e as Error).message}`);
  process.exit(1);
});
