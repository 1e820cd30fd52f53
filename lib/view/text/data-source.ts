/**
 * What the overview says the embedded store holds: "demo data" only for indices `huntboard demo`
 * wrote and that still hold exactly what it stored (an ingest into one since makes it ordinary data).
 */
import { plural } from './plural';

export interface StoredIndex {
  name: string;
  docCount: number;
}

export interface DemoWritten {
  indices: readonly { index: string; stored: number }[];
}

export function embeddedStoreLabel(indices: readonly StoredIndex[], demo: DemoWritten | undefined): string {
  if (indices.length === 0) return 'Embedded store: empty (no indices yet)';
  const written = new Map((demo?.indices ?? []).map((i) => [i.index, i.stored]));
  const demoCount = indices.filter((i) => written.get(i.name) === i.docCount).length;
  const events = indices.reduce((n, i) => n + i.docCount, 0);
  const size = `${plural(events, 'event')} in ${plural(indices.length, 'index', 'indices')}`;
  if (demoCount === indices.length) return `Embedded demo data (written by huntboard demo): ${size}`;
  if (demoCount === 0) return `Embedded store: ${size}`;
  return `Embedded store: ${size}, ${demoCount.toLocaleString('en-US')} of them demo data`;
}
