/**
 * How triage rows are grouped: each query's triage group is the lowest-numbered query of its hunt
 * whose last STATS has the same BY key names, in order (lib/hunts/finding-group says why). Pure over
 * query texts, so the catalogue at run time, a migration over stored texts and a bundle import over
 * its runs' texts group alike.
 */
import 'server-only';
import { findingKeyNames } from '../esql';

/**
 * Each query's group among `queries` (number and text): the lowest number with the same key names.
 * Pure, so the catalogue (at run time), the migration (over stored texts) and a bundle import (over
 * its runs' texts) group alike.
 */
export function triageGroups(queries: readonly { number: number; text: string }[]): Map<number, number> {
  const lowest = new Map<string, number>();
  const signature = new Map<number, string | null>();
  for (const q of queries) {
    const keys = findingKeyNames(q.text);
    const sig = keys === null ? null : JSON.stringify(keys);
    signature.set(q.number, sig);
    if (sig !== null) lowest.set(sig, Math.min(lowest.get(sig) ?? q.number, q.number));
  }
  const out = new Map<number, number>();
  for (const [number, sig] of signature) out.set(number, sig === null ? number : lowest.get(sig)!);
  return out;
}
