/**
 * The window an analyst picks on the hunt page, as it travels in the URL and request bodies, and
 * its translation to lib/hunts' TimeWindow. `hunt` means "as the hunt is written".
 */
import 'server-only';
import { z } from 'zod';
import type { Query } from '../../esql';
import { describeRelative, findTimeWindow, PRESET_WINDOWS, type TimeWindow } from '../window';
import type { WindowInfo } from '../../model/api';
import type { WindowChoice } from '../../view/url/hunt-url';

export type WindowSpec = WindowChoice;

export const windowSpecSchema: z.ZodType<WindowSpec> = z.discriminatedUnion('id', [
  z.object({ id: z.enum(['hunt', '24h', '7d', '14d', '30d']) }),
  z.object({ id: z.literal('custom'), from: z.string().max(64), to: z.string().max(64) }),
]);

export const HUNT_WINDOW: WindowSpec = { id: 'hunt' };

/** The TimeWindow to apply, or undefined to run the hunt's own window. */
export function timeWindowOf(spec: WindowSpec): TimeWindow | undefined {
  if (spec.id === 'hunt') return undefined;
  if (spec.id === 'custom') return { kind: 'absolute', from: spec.from, to: spec.to };
  return PRESET_WINDOWS.find((p) => p.id === spec.id)?.window;
}

const UNIT_MS = { millisecond: 1, second: 1e3, minute: 6e4, hour: 36e5, day: 864e5, week: 6048e5 } as const;

function unitMs(unit: string): number | undefined {
  return (UNIT_MS as Record<string, number>)[unit];
}

/**
 * What the page says ran. Relative windows get absolute bounds from `now` (the cluster's clock
 * may differ by a little; the description is what the query says).
 */
export function describeWindow(spec: WindowSpec, original: Query, now: Date, applied?: { description: string; params: Record<string, string> }): WindowInfo {
  if (spec.id === 'custom' && applied) {
    return { id: 'custom', description: applied.description, from: applied.params._tstart, to: applied.params._tend };
  }
  const chosen = spec.id === 'hunt' ? findTimeWindow(original) : timeWindowOf(spec);
  const relative = chosen && 'quantity' in chosen ? chosen : undefined;
  if (!relative) {
    return { id: spec.id, description: 'no time window (all data)' };
  }
  const id = spec.id === 'hunt' ? (PRESET_WINDOWS.find((p) => sameRelative(p.window, relative))?.id ?? 'hunt') : spec.id;
  const ms = unitMs(relative.unit);
  const bounds = ms === undefined ? {} : { from: new Date(now.getTime() - relative.quantity * ms).toISOString(), to: now.toISOString() };
  return { id, description: describeRelative(relative.quantity, relative.unit), ...bounds, ...(ms === undefined ? {} : { openEnded: true }) };
}

function sameRelative(a: TimeWindow, b: { quantity: number; unit: string }): boolean {
  return a.kind === 'relative' && a.quantity * (unitMs(a.unit) ?? NaN) === b.quantity * (unitMs(b.unit) ?? NaN);
}
