/**
 * Allow-list candidates of one hunt query (a run's review): lib/appstate/allow-list's
 * allowListCandidates (benign, then listed by every saved run since, at least `weeks` in a row),
 * which reads the stored findings through the key index.
 */
import { allowListCandidates } from '../appstate/allow-list';
import type { AppDatabase } from '../appstate/db';

export function benignInARow(db: AppDatabase, of: { huntId: string; queryNumber: number }, weeks = 3): { findingKey: string; runsInARow: number }[] {
  return allowListCandidates(db, weeks, of).map(({ findingKey, runsInARow }) => ({ findingKey, runsInARow }));
}
