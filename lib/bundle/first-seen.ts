/**
 * First seen of a run's findings for its bundle: what the source's review would show, asked of the
 * source's backend once, at export, for every process name of the run's review — its findings and
 * those gone since the run before — in batches, so no query carries thousands of names. The
 * importer shows it as it was.
 */
import 'server-only';
import type { AppDatabase } from '../appstate/database';
import { diffProcessNames } from '../appstate/run-diff-read';
import type { OkRunHeader } from '../appstate/runs';
import type { Backend } from '../backends/types';
import { firstSeenForRun } from '../hunts/run/first-seen';
import type { BundleFirstSeen } from './format';

/** Names per first-seen query. */
const BATCH = 500;
/** Beyond this many names a run's first seen is not carried (the bundle says why). */
export const MAX_FIRST_SEEN_NAMES = 10_000;

export async function firstSeenForBundle(db: AppDatabase, backend: Backend, run: OkRunHeader, lookbackDays: number, signal?: AbortSignal): Promise<BundleFirstSeen['answer']> {
  const names = diffProcessNames(db, run.id, MAX_FIRST_SEEN_NAMES + 1);
  if (names.length === 0) return { kind: 'not-applicable' };
  if (names.length > MAX_FIRST_SEEN_NAMES) return { kind: 'failed', message: `The run found more than ${MAX_FIRST_SEEN_NAMES.toLocaleString('en-US')} processes: first seen was not carried in the bundle.` };
  const byName: Extract<BundleFirstSeen['answer'], { kind: 'found' }>['byName'] = [];
  let since = '';
  for (let i = 0; i < names.length; i += BATCH) {
    signal?.throwIfAborted();
    const answer = await firstSeenForRun(backend, run, names.slice(i, i + BATCH), lookbackDays, signal);
    if (answer.kind !== 'found') return answer;
    byName.push(...answer.byName);
    since = answer.since;
  }
  return { kind: 'found', byName, lookbackDays, since };
}
