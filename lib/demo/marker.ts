/**
 * What `huntboard demo` wrote, kept beside the store (`<dataDir>/demo.json`), so the overview can
 * say "demo data" only of the indices the demo filled and nothing has changed since: Elastic
 * Defend's own index names are the demo's too, so a name proves nothing.
 */
import 'server-only';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../store/atomic-file';

export interface DemoMarker {
  /** The demo's end, as `huntboard demo --now` had it. */
  now: string;
  /** Each demo index with the events the demo stored in it. */
  indices: { index: string; stored: number }[];
}

export function demoMarkerPath(dataDir: string): string {
  return path.join(dataDir, 'demo.json');
}

export function writeDemoMarker(dataDir: string, marker: DemoMarker): void {
  writeFileAtomic(demoMarkerPath(dataDir), `${JSON.stringify(marker, null, 1)}\n`);
}

export function clearDemoMarker(dataDir: string): void {
  rmSync(demoMarkerPath(dataDir), { force: true });
}

function isMarker(v: unknown): v is DemoMarker {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Partial<DemoMarker>;
  return typeof m.now === 'string' && Array.isArray(m.indices) && m.indices.every((i) => typeof i?.index === 'string' && typeof i?.stored === 'number');
}

/** The marker, or undefined when there is none or it cannot be read (then nothing is called demo). */
export function readDemoMarker(dataDir: string): DemoMarker | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(demoMarkerPath(dataDir), 'utf8'));
    return isMarker(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
