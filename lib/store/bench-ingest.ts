/**
 * Ingest throughput on generated endpoint-like network events (about 40 ECS fields, ~1 KB each),
 * the compiled reader against the reference path in the same run:
 *   npx tsx lib/store/bench-ingest.ts [events=200000]
 * Prints wall-clock and CPU-time rates, since the machine may be shared.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type IngestTuning } from './index';
import { endpointEvents } from './test-events';

async function measure(lines: string[], tuning: IngestTuning): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-store-bench-'));
  try {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const report = await openStore(dataDir, tuning).ingestLines('logs-endpoint.events.network-default', lines);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const perSecond = report.stored / seconds;
    console.log(
      `${tuning.compiled === false ? 'reference path' : 'compiled reader'}: ${report.stored} stored, ${report.rejected} rejected in ${seconds.toFixed(2)} s: ` +
        `${Math.round(perSecond)} events/s wall, ${Math.round(report.stored / ((cpu.user + cpu.system) / 1e6))} events per CPU-second`,
    );
    return perSecond;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 200_000);
  const lines: string[] = [];
  for (const e of endpointEvents(count)) lines.push(JSON.stringify(e));
  const compiled = await measure(lines, {});
  const js = await measure(lines, { compiled: false });
  console.log(`compiled / reference path: ${(compiled / js).toFixed(1)}×; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
}

void main();
