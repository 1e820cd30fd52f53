/**
 * The write of an import that checked out, in pieces: a million-finding bundle written in one
 * transaction held the app state's write lock for seconds, and every other writer of the server
 * (a page saving its run, triage, sessions) waited that long or failed.
 *
 * The runs' ids are reserved, then their rows, diffs and events are written in short transactions
 * (lib/appstate/piecewise) under ids no runs row names yet, so no page reads them. One final short
 * transaction inserts the bundle, the runs rows and the merged triage: until it commits nothing
 * of the import is visible, and after it all is. A failure removes what the pieces wrote; a killed
 * import leaves rows no page reads, removed by the next import (a mark whose process is gone). The
 * saved runs after the bundle's get their diff computed again in pieces too (lib/appstate/staged-runs).
 */
import 'server-only';
import { BUNDLE_RUN_TABLES, bundleEventWriter, insertBundle, insertBundleFirstSeen, linkRunsToBundle, type BundleEventRow } from '../appstate/bundles';
import type { AppDatabase } from '../appstate/database';
import { writeInPieces, ascending, type PieceOptions, type Pieces } from '../appstate/piecewise';
import { discardJobs, leftoverRunIds, publishStagedRuns, reservedIds, reserveRunIds, stagedJobs, stagedSave, type StagedSave } from '../appstate/staged-runs';
import { runsNotHeld, type NewRun } from '../appstate/runs';
import { inTransaction } from '../appstate/transaction';
import { importAllowEntries } from '../appstate/allow-list-transfer';
import { importSignOff } from './sign-off';
import type { Bundle, BundleRun } from './format';
import type { ImportOptions, ImportSummary } from './import-result';
import { findingKeyOf, historyByFinding } from './triage-merge';
import { bundleTriageGroups, groupBundleTriage, type GroupOf } from './triage-group';
import { applyTriagePlan, planTriage, type TriagePlan } from './triage-plan';

/** The run to save, under its triage group as the bundle's texts give it. */
function asNewRun(run: BundleRun, groupOf: GroupOf): NewRun {
  const { id: _id, queryHash: _hash, rowCount: _rows, ...rest } = run;
  return { ...rest, triageQuery: groupOf(run.huntId, run.queryNumber) };
}

/** The events' JSON, serialised before any write (it is most of an import's CPU). */
function eventRows(bundle: Bundle): { rows: Map<number, BundleEventRow[]>; counts: ImportSummary['events'] } {
  const rows = new Map<number, BundleEventRow[]>();
  const counts = { findings: 0, rows: 0, failed: 0 };
  for (const e of bundle.events) {
    counts.findings++;
    let row: BundleEventRow;
    if ('error' in e) {
      counts.failed++;
      row = { findingKey: e.findingKey, columnsJson: '[]', valuesJson: '[]', truncated: false, error: e.error };
    } else {
      counts.rows += e.values.length;
      row = { findingKey: e.findingKey, columnsJson: JSON.stringify(e.columns), valuesJson: JSON.stringify(e.values), truncated: e.truncated, error: null };
    }
    const list = rows.get(e.runId);
    if (list) list.push(row);
    else rows.set(e.runId, [row]);
  }
  return { rows, counts };
}

/** A staged run's events: their run id has no runs row until the final transaction, hence unchecked foreign keys. */
function eventJob(db: AppDatabase, runId: number, rows: readonly BundleEventRow[]): Pieces {
  const write = bundleEventWriter(db);
  const job = ascending(rows.length, (from, to) => () => {
    for (let i = from; i < to; i++) write(runId, rows[i]);
  });
  return Object.assign(job, { foreignKeysOff: true as const });
}

/** Removes staged rows; a failure here (a full disk) leaves them to the next import's clean-up. */
async function discardQuietly(db: AppDatabase, ids: readonly number[], pieces: PieceOptions): Promise<void> {
  try {
    await writeInPieces(db, discardJobs(db, ids, BUNDLE_RUN_TABLES), pieces);
  } catch (e) {
    console.error('huntboard: could not remove rows an import left (read by nothing); the next import will:', (e as Error).message);
  }
}

/**
 * The bundle's baselines this Huntboard does not hold yet. One with the same id, query text and
 * start is the same run, imported before (last week's bundle brought this week's baselines).
 */
function missingBaselines(db: AppDatabase, bundle: Bundle): BundleRun[] {
  return runsNotHeld(db, bundle.baselines);
}

/** The source's first seen of each run, under the run's local id (callers hold the final transaction). */
function writeFirstSeen(db: AppDatabase, bundle: Bundle, localId: ReadonlyMap<number, number>): void {
  const answers = bundle.firstSeen.flatMap((f) => {
    const runId = localId.get(f.runId);
    return runId === undefined ? [] : [{ runId, answerJson: JSON.stringify(f.answer) }];
  });
  insertBundleFirstSeen(db, answers);
}

/** The final transaction: the bundle, its runs made visible, the triage merged, first seen and the allow-list added. */
function publish(
  db: AppDatabase,
  bundle: Bundle,
  save: StagedSave,
  triagePlan: TriagePlan,
  localId: ReadonlyMap<number, number>,
  options: ImportOptions & { fileName: string; digest: string },
) {
  return inTransaction(
    db,
    () => {
      const bundleId = insertBundle(db, {
        fileName: options.fileName,
        fileSha256: options.digest,
        week: { start: bundle.week.start, end: bundle.week.end },
        exportedAt: bundle.exportedAt,
        sourceLabel: bundle.source.backendLabel,
        importedAt: options.now.toISOString(),
        importedBy: options.who,
      });
      const { discard } = publishStagedRuns(db, save);
      linkRunsToBundle(db, bundleId, save.runs.map((s) => s.id));
      writeFirstSeen(db, bundle, localId);
      const allowList = importAllowEntries(db, bundle.allowList);
      const signOff = importSignOff(db, bundle.signOff);
      return { bundleId, discard, triage: applyTriagePlan(db, triagePlan), allowList, signOff };
    },
    'immediate',
  );
}

/** Throws when the final transaction fails (a constraint, the disk), after removing what was written. */
export async function writeBundle(db: AppDatabase, bundle: Bundle, options: ImportOptions & { fileName: string; digest: string }, pieces: PieceOptions): Promise<ImportSummary> {
  // Imports of one process run one at a time (lib/bundle/import-thread): this process's marks are leftovers too.
  await discardQuietly(db, leftoverRunIds(db, true), pieces);
  const events = eventRows(bundle);
  const history = historyByFinding(bundle.history);
  // Baselines first: the week's runs diff against them, as at the source.
  const incoming = [...missingBaselines(db, bundle), ...bundle.runs];
  const allIds = reserveRunIds(db, incoming.length, options.now.toISOString(), incoming.map((run) => run.id));
  const localId = new Map(incoming.map((run, i) => [run.id, allIds[i]]));
  const ids = bundle.runs.map((run) => localId.get(run.id)!);
  // Triage per hunt and finding, shared by queries with the same keys: an older bundle's per-query triage merges into groups.
  const groupOf = bundleTriageGroups(incoming);
  const save = stagedSave(allIds, incoming.map((run) => asNewRun(run, groupOf)));
  let published: ReturnType<typeof publish>;
  try {
    const eventJobs = bundle.runs.map((run, i) => eventJob(db, ids[i], events.rows.get(run.id) ?? []));
    await writeInPieces(db, [...stagedJobs(db, save), ...eventJobs], pieces);
    const triage = groupBundleTriage(bundle.triage, (state) => history.get(findingKeyOf(state)) ?? [], groupOf);
    const triagePlan = planTriage(db, triage.states, triage.historyOf);
    const t0 = performance.now();
    published = publish(db, bundle, save, triagePlan, localId, options);
    pieces.onPiece?.(performance.now() - t0);
  } catch (e) {
    await discardQuietly(db, reservedIds(save), pieces);
    throw e;
  }
  // The later runs' retired diffs (and ids reserved for nothing): read by nothing now, removed in pieces.
  await discardQuietly(db, published.discard, pieces);
  return {
    bundleId: published.bundleId,
    fileName: options.fileName,
    week: bundle.week,
    sourceLabel: bundle.source.backendLabel,
    exportedAt: bundle.exportedAt,
    runs: bundle.runs.map((run, i) => ({ bundleRunId: run.id, runId: ids[i], huntId: run.huntId, queryNumber: run.queryNumber, status: run.status })),
    baselines: { added: incoming.length - bundle.runs.length, alreadyHere: bundle.baselines.length - (incoming.length - bundle.runs.length) },
    allowList: published.allowList,
    signOff: published.signOff,
    events: events.counts,
    triage: published.triage,
  };
}
