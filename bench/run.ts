/**
 * `npm run bench`: ingest throughput and seed-hunt latency on the demo world at 1M and 5M
 * network events, each hunt against hand-written DuckDB SQL over the same Parquet parts in the
 * same run. Figures go to bench/results/latest.{json,md}.
 *
 * BENCH_SIZES=1000000,5000000 (default) and BENCH_RUNS=7 override the sizes and repetitions.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeDemo, DEMO_INDICES } from '../lib/demo';
import { NETWORK_EVENTS_PER_WEEK } from '../lib/demo/traffic';
import { createEmbeddedEngine } from '../lib/engine';
import { openStore } from '../lib/store';
import { handWrittenSeedSql } from './seed-hunt-sql';
import { seedQueries } from './seed-queries';
import { median, time } from './timing';

const NOW = new Date('2026-01-08T12:00:00.000Z');
const sizes = (process.env.BENCH_SIZES ?? '1000000,5000000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 7);


interface HuntFigure {
  query: string;
  engineMs: number;
  handWrittenMs: number;
  ratio: number;
  rows: number;
  sameRows: boolean;
}

interface SizeFigure {
  networkEvents: number;
  totalEvents: number;
  ingestSeconds: number;
  ingestEventsPerSecond: number;
  hunts: HuntFigure[];
}

async function benchSize(networkEvents: number): Promise<SizeFigure> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-bench-'));
  try {
    const store = openStore(dataDir);
    const [ingestMs, summary] = await time(() => writeDemo(store, { now: NOW, scale: networkEvents / NETWORK_EVENTS_PER_WEEK }));
    const totalEvents = summary.indices.reduce((n, i) => n + i.stored, 0);
    const network = summary.indices.find((i) => i.index === DEMO_INDICES.network)!.stored;
    console.log(`  ingest: ${totalEvents} events (${network} network) in ${(ingestMs / 1000).toFixed(1)} s`);

    const snapshot = await store.resolve(['logs-endpoint.events.network-*']);
    if ('unknown' in snapshot) throw new Error('demo network index missing');
    const engine = createEmbeddedEngine({ dataDir, now: () => NOW });
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    const hunts: HuntFigure[] = [];
    for (const [name, query] of Object.entries(await seedQueries())) {
      const sql = handWrittenSeedSql(snapshot.partFiles, NOW.getTime(), name === 'rootOnly');
      const engineTimes: number[] = [];
      const handTimes: number[] = [];
      let engineRows: unknown[][] = [];
      let handRows: unknown[][] = [];
      // Alternate the two so that caches and machine noise treat them alike; first pair is warm-up.
      for (let i = 0; i <= runs; i++) {
        const [e, result] = await time(() => engine.query({ query }));
        if (!result.ok) throw new Error(result.error.message);
        engineRows = result.response.values;
        const [h, reader] = await time(() => duck.runAndReadAll(sql));
        handRows = reader.getRows();
        if (i > 0) {
          engineTimes.push(e);
          handTimes.push(h);
        }
      }
      const key = (rows: unknown[][]) => JSON.stringify(rows.map((r) => r.map(String)).sort());
      const figure: HuntFigure = {
        query: name,
        engineMs: median(engineTimes),
        handWrittenMs: median(handTimes),
        ratio: median(engineTimes) / median(handTimes),
        rows: engineRows.length,
        sameRows: key(engineRows) === key(handRows),
      };
      console.log(`  ${name}: engine ${figure.engineMs.toFixed(1)} ms, hand-written ${figure.handWrittenMs.toFixed(1)} ms, ratio ${figure.ratio.toFixed(2)}×, ${figure.rows} rows, same rows: ${figure.sameRows}`);
      hunts.push(figure);
    }
    duck.closeSync();
    await engine.close();
    return { networkEvents: network, totalEvents, ingestSeconds: ingestMs / 1000, ingestEventsPerSecond: totalEvents / (ingestMs / 1000), hunts };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const figures: SizeFigure[] = [];
  for (const size of sizes) {
    console.log(`demo world with ${size} network events:`);
    figures.push(await benchSize(size));
  }
  const dir = path.join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const result = { date: new Date().toISOString(), machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`, runs, figures };
  writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
  const lines = [
    `# Benchmark ${result.date}`,
    '',
    `${result.machine}; median of ${runs} runs after one warm-up; baseline = hand-written DuckDB SQL over the same Parquet parts, same run.`,
    '',
    '| network events | total events | ingest events/s | query | engine ms | hand-written ms | ratio | rows | same rows |',
    '|---:|---:|---:|---|---:|---:|---:|---:|---|',
    ...figures.flatMap((f) =>
      f.hunts.map((h) => `| ${f.networkEvents} | ${f.totalEvents} | ${Math.round(f.ingestEventsPerSecond)} | ${h.query} | ${h.engineMs.toFixed(1)} | ${h.handWrittenMs.toFixed(1)} | ${h.ratio.toFixed(2)}× | ${h.rows} | ${h.sameRows} |`),
    ),
  ];
  writeFileSync(path.join(dir, 'latest.md'), lines.join('\n') + '\n');
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
