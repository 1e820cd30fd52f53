/**
 * Imports a bundle into the app state, all or nothing: the runs (with their source ids where free,
 * marked with their bundle) and the baselines their diffs need, each finding's saved events, first
 * seen, the allow-list entries, and the triage merged (lib/bundle/triage-merge).
 * The same file (by sha256) is imported once. Reads for the pages are in lib/bundle/imported.
 *
 * The command line runs the job in its own process, the server off its request thread
 * (lib/bundle/import-thread). Gunzip, parse and checks come first; the rows are then written in
 * short transactions nothing reads until one short final one makes the import visible
 * (lib/bundle/import-write), so other writers never wait on the app state for long.
 */
import 'server-only';
import { bundleByDigest } from '../appstate/bundles';
import { storageFailure } from '../appstate/db';
import type { AppDatabase } from '../appstate/database';
import type { PieceOptions } from '../appstate/piecewise';
import { safeFileName } from './file-name';
import { bundleDigest, decodeBundle, type Bundle } from './format';
import { writeBundle } from './import-write';
import { signOffProblem } from './sign-off';
import type { ImportOptions, ImportResult } from './import-result';

/** What zod cannot see: references between the bundle's parts. */
function inconsistency(bundle: Bundle): string | undefined {
  const runIds = new Set<number>();
  for (const run of [...bundle.baselines, ...bundle.runs]) {
    if (runIds.has(run.id)) return `run ${run.id} appears twice`;
    runIds.add(run.id);
  }
  const answered = new Set<number>();
  for (const f of bundle.firstSeen) {
    if (!runIds.has(f.runId)) return `first seen names run ${f.runId}, which the bundle does not hold`;
    if (answered.has(f.runId)) return `the first seen of run ${f.runId} appears twice`;
    answered.add(f.runId);
  }
  const eventKeys = new Set<string>();
  for (const e of bundle.events) {
    if (!runIds.has(e.runId)) return `events of finding ${e.findingKey.slice(0, 80)} name run ${e.runId}, which the bundle does not hold`;
    const key = JSON.stringify([e.runId, e.findingKey]);
    if (eventKeys.has(key)) return `the events of finding ${e.findingKey.slice(0, 80)} of run ${e.runId} appear twice`;
    eventKeys.add(key);
  }
  const signOff = signOffProblem(bundle.signOff, bundle.week.start);
  if (signOff) return signOff;
  const triaged = new Set<string>();
  for (const t of bundle.triage) {
    const key = JSON.stringify([t.huntId, t.queryNumber, t.findingKey]);
    if (triaged.has(key)) return `the triage of finding ${t.findingKey.slice(0, 80)} appears twice`;
    triaged.add(key);
  }
  return undefined;
}

export async function importBundleNow(db: AppDatabase, bytes: Uint8Array, options: ImportOptions, pieces: PieceOptions = {}): Promise<ImportResult> {
  const fileName = safeFileName(options.fileName);
  const digest = bundleDigest(bytes);
  const before = bundleByDigest(db, digest);
  if (before) return { ok: false, reason: 'duplicate', message: `This bundle was already imported on ${before.importedAt} (bundle #${before.id}, ${before.fileName}).` };
  const decoded = decodeBundle(bytes, {
    ...(options.maxUncompressed !== undefined ? { maxUncompressed: options.maxUncompressed } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  if (!decoded.ok) return { ok: false, reason: 'invalid', message: decoded.message };
  const wrong = inconsistency(decoded.bundle);
  if (wrong) return { ok: false, reason: 'invalid', message: `The bundle is damaged: ${wrong}.` };
  try {
    return { ok: true, summary: await writeBundle(db, decoded.bundle, { ...options, fileName, digest }, pieces) };
  } catch (e) {
    // The disk refused the write (what was written is removed): not the bundle's fault (issue 13).
    const storage = storageFailure(e);
    if (storage) return { ok: false, reason: 'disk_full', message: `${storage.cause}: the change was not saved; nothing was imported.` };
    // A constraint the bundle broke (what was written is removed: nothing was imported).
    const again = bundleByDigest(db, digest);
    if (again) return { ok: false, reason: 'duplicate', message: `This bundle was already imported on ${again.importedAt} (bundle #${again.id}).` };
    return { ok: false, reason: 'invalid', message: `The bundle could not be imported, nothing was changed: ${(e as Error).message}` };
  }
}
