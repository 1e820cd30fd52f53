/**
 * `huntboard bundle export|import`: a week of runs, their findings' events and triage as one
 * file, for a Huntboard that cannot reach the cluster (an air-gapped review, an auditor).
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openAppState } from '../../appstate/db';
import { firstSeenLookbackDays } from '../../hunts/first-seen-query';
import { exportWeek } from '../../bundle/export';
import { encodeBundle } from '../../bundle/format';
import { importBundleNow } from '../../bundle/import';
import type { ImportSummary } from '../../bundle/import-result';
import { bundleFileName } from '../../bundle/week';
import { weekOfDay } from '../../review/week-bounds';
import { parseCommandArgs } from '../args';
import { escapeVisible } from '../escape';
import { USAGE } from '../help';
import { dataDirOf, depsOf, UsageError, type CliIo } from '../io';
import { parseNow } from '../options';

/** The largest file `bundle import` reads: the 200 MB of JSON it may hold compress to far less. */
export const MAX_BUNDLE_FILE_BYTES = 200 * 1024 * 1024;

/** Temp file then rename: an interrupted export never leaves a half file under the bundle's name. */
const SIGN_OFF_TEXT: Record<ImportSummary['signOff'], string> = {
  added: "the source's, with its snapshot",
  kept: "this Huntboard's own for the week, kept",
  none: 'the week was not signed off at the source',
};

function writeWhole(file: string, bytes: Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.tmp-${path.basename(file)}-${randomBytes(6).toString('hex')}`);
  try {
    writeFileSync(tmp, bytes, { flush: true });
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { week: { type: 'string' }, out: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError('bundle export takes no arguments');
  if (!values.week) throw new UsageError('bundle export needs --week YYYY-MM-DD');
  const week = weekOfDay(values.week);
  if (!week.ok) throw new UsageError(week.message);
  const out = path.resolve(values.out ?? bundleFileName(week.week));
  const now = parseNow(undefined, io.env) ?? new Date();
  const backend = await depsOf(io).createBackend(io.env);
  const db = openAppState(dataDirOf(io.env));
  try {
    const bundle = await exportWeek(db, backend, week.week, now, { firstSeenLookbackDays: firstSeenLookbackDays(io.env) });
    const bytes = encodeBundle(bundle);
    writeWhole(out, bytes);
    const failed = bundle.events.filter((e) => 'error' in e);
    const rows = bundle.events.reduce((n, e) => n + ('values' in e ? e.values.length : 0), 0);
    io.stdout.write(
      `Wrote ${escapeVisible(out)} (${bytes.length} bytes): week ${week.week.monday}, ${bundle.runs.length} runs, ` +
        `events of ${bundle.events.length} findings (${rows} events), ${bundle.triage.length} triaged findings.\n`,
    );
    for (const f of failed.slice(0, 10)) {
      if ('error' in f) io.stderr.write(`Warning: run #${f.runId}, finding ${escapeVisible(f.findingKey)}: events not read: ${escapeVisible(f.error)}\n`);
    }
    if (failed.length > 10) io.stderr.write(`Warning: … and ${failed.length - 10} more findings whose events could not be read.\n`);
    return 0;
  } finally {
    db.close();
    await backend.close();
  }
}

export function describeImport(s: ImportSummary): string {
  const lines = [
    `Imported bundle #${s.bundleId} (${escapeVisible(s.fileName)}): week ${s.week.start.slice(0, 10)} to ${s.week.end.slice(0, 10)}, from ${escapeVisible(s.sourceLabel)}, exported ${s.exportedAt}.`,
    `Runs: ${s.runs.length}${s.runs.length ? ` (${s.runs.map((r) => `#${r.bundleRunId} → #${r.runId} ${escapeVisible(r.huntId)} query ${r.queryNumber}${r.status === 'failed' ? ' failed' : ''}`).join(', ')})` : ''}.`,
    `Events: ${s.events.rows} events of ${s.events.findings} findings${s.events.failed ? `; ${s.events.failed} findings without events (not readable when exported)` : ''}.`,
    `Triage: ${s.triage.inserted} new here, ${s.triage.updated} updated (the bundle's was newer), ${s.triage.kept} kept (this Huntboard's was newer); ${s.triage.historyAdded} history entries added.`,
    `Baselines (earlier runs the week's diffs compare with): ${s.baselines.added} added${s.baselines.alreadyHere ? `, ${s.baselines.alreadyHere} already here` : ''}.`,
    `Allow-list: ${s.allowList.added} entries added${s.allowList.kept ? `, ${s.allowList.kept} already here` : ''}.`,
    `Sign-off: ${SIGN_OFF_TEXT[s.signOff]}.`,
  ];
  return `${lines.join('\n')}\n`;
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length !== 1) throw new UsageError('expected one bundle file');
  const file = path.resolve(positionals[0]);
  let bytes: Buffer;
  try {
    if (statSync(file).size > MAX_BUNDLE_FILE_BYTES) {
      io.stderr.write(`${escapeVisible(file)} is larger than ${MAX_BUNDLE_FILE_BYTES / 1024 / 1024} MB; it is not a bundle Huntboard reads.\n`);
      return 1;
    }
    bytes = readFileSync(file);
  } catch (e) {
    io.stderr.write(`Cannot read ${escapeVisible(file)}: ${escapeVisible((e as Error).message)}\n`);
    return 1;
  }
  const db = openAppState(dataDirOf(io.env));
  try {
    const who = io.env.HUNTBOARD_USER?.trim() || 'local analyst';
    // Its own process: nothing else waits on this thread, so the job runs here.
    const result = await importBundleNow(db, bytes, { fileName: path.basename(file), who, now: parseNow(undefined, io.env) ?? new Date() });
    if (!result.ok) {
      io.stderr.write(`${escapeVisible(result.message)} Nothing was imported.\n`);
      return 1;
    }
    io.stdout.write(describeImport(result.summary));
    return 0;
  } finally {
    db.close();
  }
}

export async function bundleCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h' || rest.includes('--help')) {
    io.stdout.write(USAGE.bundle ?? '');
    return sub === undefined ? 2 : 0;
  }
  if (sub === 'export') return exportCommand(rest, io);
  if (sub === 'import') return importCommand(rest, io);
  throw new UsageError(`unknown bundle command [${sub}]`);
}
