/**
 * Where the drill-down's connections went: counts by (destination.ip, destination.port), the top
 * ones plus an "other" remainder, for the breakdown chart and its table.
 */
import type { EsqlColumn, EsqlValue } from '../../model/esql';

export interface DestinationCount {
  ip: EsqlValue;
  port: EsqlValue;
  count: number;
  /** count / total, 0..1. */
  share: number;
}

export interface DestinationBreakdown {
  total: number;
  top: DestinationCount[];
  /** The events to destinations outside the top ones; null when there are none. */
  other: { count: number; share: number; destinations: number } | null;
  /** False when the result has neither destination.ip nor destination.port. */
  available: boolean;
}

export const TOP_DESTINATIONS = 10;

export function destinationBreakdown(columns: readonly EsqlColumn[], values: readonly EsqlValue[][], top = TOP_DESTINATIONS): DestinationBreakdown {
  const ipAt = columns.findIndex((c) => c.name === 'destination.ip');
  const portAt = columns.findIndex((c) => c.name === 'destination.port');
  const total = values.length;
  if (ipAt < 0 && portAt < 0) return { total, top: [], other: null, available: false };
  const counts = new Map<string, DestinationCount>();
  for (const row of values) {
    const ip = ipAt < 0 ? null : (row[ipAt] ?? null);
    const port = portAt < 0 ? null : (row[portAt] ?? null);
    const key = JSON.stringify([ip, port]);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { ip, port, count: 1, share: 0 });
  }
  // Equal counts keep first-seen order, which is newest first as loaded.
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count);
  for (const d of ranked) d.share = total === 0 ? 0 : d.count / total;
  const rest = ranked.slice(top);
  const otherCount = rest.reduce((n, d) => n + d.count, 0);
  return {
    total,
    top: ranked.slice(0, top),
    other: rest.length === 0 ? null : { count: otherCount, share: total === 0 ? 0 : otherCount / total, destinations: rest.length },
    available: true,
  };
}

export function formatShare(share: number): string {
  const pct = share * 100;
  if (pct > 0 && pct < 0.1) return '<0.1%';
  return `${pct.toFixed(pct >= 10 || pct === 0 ? 0 : 1)}%`;
}
