/** `huntboard runs list|diff`: the saved runs and the week-over-week diff of one of them. */
import 'server-only';
import { triggerLabel } from '../../view/review/run-labels';
import { openAppState } from '../../appstate/db';
import type { AppDatabase } from '../../appstate/database';
import { diffSummary } from '../../appstate/run-diff';
import { findingsPage, NOTHING_HIDDEN } from '../../appstate/run-diff-read';
import { getRunHeader, listRunHeaders, type OkRunHeader } from '../../appstate/runs';
import type { FindingDiff } from '../../model/review';
import { toFindingDiffs } from '../../review/run-page';
import { parseCommandArgs } from '../args';
import { escapeVisible } from '../escape';
import { toTxt } from '../format-txt';
import { USAGE } from '../help';
import { dataDirOf, UsageError, type CliIo } from '../io';
import { parsePositiveNumber } from '../options';

/** Every finding of the run's stored diff (`total` of them), in the review's order (new, recurring, gone; then key). */
function storedDiff(db: AppDatabase, run: OkRunHeader, previousId: number | null, total: number): FindingDiff[] {
  const previous = previousId === null ? undefined : getRunHeader(db, previousId);
  const stored = findingsPage(db, run.id, { statuses: ['new', 'recurring', 'gone'], side: 'shown', hidden: NOTHING_HIDDEN, limit: total, offset: 0 });
  return toFindingDiffs(db, run, previous?.status === 'ok' ? previous : undefined, stored);
}

function list(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, { hunt: { type: 'string' }, limit: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError('runs list takes no arguments');
  const limit = parsePositiveNumber('limit', values.limit, true) ?? 50;
  const db = openAppState(dataDirOf(io.env));
  try {
    const runs = listRunHeaders(db, { ...(values.hunt ? { huntId: values.hunt } : {}), limit });
    const columns = ['id', 'started', 'hunt', 'query', 'window', 'status', 'rows', 'ms', 'trigger'].map((name) => ({ name }));
    const rows = runs.map((r) => [
      r.id,
      r.startedAt,
      r.huntId,
      r.queryNumber,
      r.window.from && r.window.to ? `${r.window.from} to ${r.window.to}` : r.window.id,
      r.status === 'ok' ? (r.truncated ? 'ok, truncated' : 'ok') : `failed: ${r.error.message.replace(/\s*\n\s*/g, ' ')}`,
      r.rowCount,
      Math.round(r.durationMs),
      triggerLabel(r.trigger),
    ]);
    io.stdout.write(runs.length ? toTxt(columns, rows) : 'No saved runs. `huntboard hunts run --all --save` saves some.\n');
    return 0;
  } finally {
    db.close();
  }
}

function diff(args: string[], io: CliIo): number {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length !== 1) throw new UsageError('expected one run id');
  const id = parsePositiveNumber('run id', positionals[0], true);
  const db = openAppState(dataDirOf(io.env));
  try {
    const run = id === undefined ? undefined : getRunHeader(db, id);
    if (!run) {
      io.stderr.write(`No saved run #${escapeVisible(positionals[0])}; \`huntboard runs list\` shows them.\n`);
      return 1;
    }
    if (run.status !== 'ok') {
      io.stderr.write(`Run #${run.id} failed (${escapeVisible(run.error.message)}); there is nothing to compare.\n`);
      return 1;
    }
    const summary = diffSummary(db, run.id);
    const previousId = summary?.previousRunId ?? null;
    const counts = summary?.counts ?? { new: 0, recurring: 0, gone: 0 };
    const findings = storedDiff(db, run, previousId, counts.new + counts.recurring + counts.gone);
    io.stderr.write(
      previousId !== null ? `Run #${run.id} against run #${previousId} (and ${(summary?.compared ?? 1) - 1} earlier).\n` : `Run #${run.id} has no earlier run of the same query: every finding is new.\n`,
    );
    const keyNames = findings[0] ? Object.keys(findings[0].keyValues) : [];
    const columns = [{ name: 'status' }, { name: 'runs seen' }, ...keyNames.map((name) => ({ name })), { name: 'changes' }];
    const rows = findings.map((f) => [
      f.status,
      f.runsSeen,
      ...keyNames.map((k) => f.keyValues[k]),
      f.changes.map((c) => `${c.column}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`).join('; '),
    ]);
    io.stdout.write(findings.length ? toTxt(columns, rows) : 'No findings in this run or the previous one.\n');
    return 0;
  } finally {
    db.close();
  }
}

export async function runsCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h' || rest.includes('--help')) {
    io.stdout.write(USAGE.runs);
    return sub === undefined ? 2 : 0;
  }
  if (sub === 'list') return list(rest, io);
  if (sub === 'diff') return diff(rest, io);
  throw new UsageError(`unknown runs command [${sub}]`);
}
