/**
 * Ingest throughput on generated endpoint-like network events (about 40 ECS fields):
 *   npx tsx lib/store/bench-ingest.ts [events=200000]
 * Prints wall-clock and CPU-time rates, since the machine may be shared.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from './index';
import { endpointEvents } from './test-events';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 200_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-store-bench-'));
  try {
    const lines: string[] = [];
    for (const e of endpointEvents(count)) lines.push(JSON.stringify(e));
    const store = openStore(dataDir);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const report = await store.ingestLines('logs-endpoint.events.network-default', lines);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(
      `${report.stored} stored, ${report.rejected} rejected in ${seconds.toFixed(2)} s: ` +
        `${Math.round(report.stored / seconds)} events/s wall, ${Math.round(report.stored / cpuSeconds)} events per CPU-second; ` +
        `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
