/** `huntboard demo`: the demo data set in the embedded store. */
import 'server-only';
import { parseCommandArgs } from '../args';
import { USAGE } from '../help';
import { dataDirOf, depsOf, UsageError, usesCluster, type CliIo } from '../io';
import { parseNow, parsePositiveNumber } from '../options';

export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    scale: { type: 'string' },
    now: { type: 'string' },
    weeks: { type: 'string' },
  });
  if (values.help) {
    io.stdout.write(USAGE.demo);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('demo takes no arguments');
  const scale = parsePositiveNumber('scale', values.scale, false);
  const weeks = parsePositiveNumber('weeks', values.weeks, true);
  // The demo is generated at run time, so the wall clock is the natural default end.
  const now = parseNow(values.now, io.env) ?? new Date();
  if (usesCluster(io.env)) io.stderr.write('Note: the demo is written to the embedded store, not to the configured cluster.\n');

  const dataDir = dataDirOf(io.env);
  const deps = depsOf(io);
  const store = await deps.openStore(dataDir);
  const summary = await deps.writeDemo(store, { now, ...(scale !== undefined ? { scale } : {}), ...(weeks !== undefined ? { weeks } : {}) });
  io.stdout.write(`Demo data in ${dataDir}: ${summary.weeks} week${summary.weeks === 1 ? '' : 's'} ending ${summary.now}\n`);
  let rejected = 0;
  for (const index of summary.indices) {
    rejected += index.rejected;
    io.stdout.write(`  ${index.index}: ${index.stored} stored, ${index.rejected} rejected\n`);
  }
  return rejected === 0 ? 0 : 1;
}
