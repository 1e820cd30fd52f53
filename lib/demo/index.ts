/**
 * `huntboard demo`: a deterministic, realistic stretch of Elastic Defend events ending at `now`,
 * in which the seed hunt finds exactly the planted processes (./planted.ts).
 */
import 'server-only';
import type { EventStore, IngestReport } from '../store/types';
import { buildFleet } from './fleet';
import { fileEvents, processEvents } from './host-events';
import { DEMO_INDICES, demoMapping } from './mappings';
import { clearDemoMarker, writeDemoMarker } from './marker';
import { resetSequence } from './network-events';
import { baselineTraffic, commonTraffic, NETWORK_EVENTS_PER_WEEK, plantedTraffic, WEEK_MS, type WeekContext } from './traffic';

export { PLANTED, expectedFindings, type PlantedProcess } from './planted';
export { DEMO_INDICES, demoMapping, demoMappings } from './mappings';
export { readDemoMarker, type DemoMarker } from './marker';

export const DEMO_SEED = 20260108;

export interface DemoOptions {
  now: Date;
  /** Multiplies the volume: 1 ≈ 150k network events a week. */
  scale?: number;
  /** Weeks back from `now` (default 1). */
  weeks?: number;
  seed?: number;
}

export interface DemoSummary {
  now: string;
  weeks: number;
  indices: { index: string; stored: number; rejected: number }[];
}

function* chain<T>(...sources: Iterable<T>[]): Generator<T> {
  for (const source of sources) yield* source;
}

function weekContexts(options: DemoOptions): WeekContext[] {
  const fleet = buildFleet(options.seed ?? DEMO_SEED);
  const weeks = Math.max(1, Math.floor(options.weeks ?? 1));
  return Array.from({ length: weeks }, (_, week) => ({
    fleet,
    week,
    end: options.now.getTime() - week * WEEK_MS,
    seed: options.seed ?? DEMO_SEED,
  }));
}

/** All demo documents per index, generated lazily (never all in memory). */
export function demoDocuments(options: DemoOptions): Record<string, Iterable<Record<string, unknown>>> {
  const scale = options.scale ?? 1;
  const network = Math.max(1, Math.round(NETWORK_EVENTS_PER_WEEK * scale));
  const contexts = () => weekContexts(options);
  return {
    [DEMO_INDICES.network]: {
      *[Symbol.iterator]() {
        resetSequence();
        for (const ctx of contexts()) yield* chain(commonTraffic(ctx, network), baselineTraffic(ctx), plantedTraffic(ctx));
      },
    },
    [DEMO_INDICES.process]: {
      *[Symbol.iterator]() {
        for (const ctx of contexts()) yield* processEvents(ctx, Math.round(network * 0.15));
      },
    },
    [DEMO_INDICES.file]: {
      *[Symbol.iterator]() {
        for (const ctx of contexts()) yield* fileEvents(ctx, Math.round(network * 0.1));
      },
    },
  };
}

function* asLines(documents: Iterable<Record<string, unknown>>): Generator<string> {
  for (const doc of documents) yield JSON.stringify(doc);
}

export async function writeDemo(store: EventStore, options: DemoOptions): Promise<DemoSummary> {
  const reports: IngestReport[] = [];
  // Until the demo is whole again, the store is not "demo data".
  clearDemoMarker(store.dataDir);
  for (const [index, documents] of Object.entries(demoDocuments(options))) {
    // The demo replaces itself: a second run must not double the events.
    await store.deleteIndex(index);
    // as NDJSON lines, which the store mostly reads natively: several times faster than documents
    reports.push(await store.ingestLines(index, asLines(documents), { mapping: demoMapping() }));
  }
  writeDemoMarker(store.dataDir, { now: options.now.toISOString(), indices: reports.map((r) => ({ index: r.index, stored: r.stored })) });
  return {
    now: options.now.toISOString(),
    weeks: Math.max(1, Math.floor(options.weeks ?? 1)),
    indices: reports.map((r) => ({ index: r.index, stored: r.stored, rejected: r.rejected })),
  };
}
