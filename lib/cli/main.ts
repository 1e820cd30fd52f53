/**
 * The `huntboard` command line. `main` takes its streams and environment as arguments so that
 * tests run every command in-process; bin/huntboard.mjs calls it with the real process.
 */
import 'server-only';
import { pathToFileURL } from 'node:url';
import { escapeVisibleKeepNewlines } from './escape';
import { USAGE, usageOf } from './help';
import { UsageError, type CliIo } from './io';

export type { CliIo, CliDeps } from './io';

type Command = (args: string[], io: CliIo) => Promise<number>;

// Loaded on demand: `huntboard hunts list` need not load the query or store modules.
const COMMANDS: Record<string, () => Promise<Command>> = {
  query: async () => (await import('./commands/query')).queryCommand,
  ingest: async () => (await import('./commands/ingest')).ingestCommand,
  indices: async () => (await import('./commands/indices')).indicesCommand,
  hunts: async () => (await import('./commands/hunts')).huntsCommand,
  demo: async () => (await import('./commands/demo')).demoCommand,
  runs: async () => (await import('./commands/runs')).runsCommand,
  bundle: async () => (await import('./commands/bundle')).bundleCommand,
  users: async () => (await import('./commands/users')).usersCommand,
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr.write(USAGE.main);
    return 2;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(usageOf(rest[0]));
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) {
    io.stderr.write(`Unknown command [${escapeVisibleKeepNewlines(command)}]\n\n${USAGE.main}`);
    return 2;
  }
  try {
    const run = await load();
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${escapeVisibleKeepNewlines(error.message)}\n\n${usageOf(command)}`);
      return 2;
    }
    // No stack trace for the user: the message says what went wrong.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`Error: ${escapeVisibleKeepNewlines(message)}\n`);
    if (io.env.HUNTBOARD_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

/** Runs with the real process; the exit code is set, not forced, so pending output drains. */
export async function runFromProcess(argv: string[] = process.argv.slice(2)): Promise<void> {
  process.exitCode = await main(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin });
}

// `tsx lib/cli/main.ts …` (npm run huntboard) runs it directly.
function isEntryPoint(): boolean {
  try {
    return Boolean(process.argv[1]) && import.meta.url === pathToFileURL(process.argv[1]).href;
  } catch {
    return false;
  }
}
if (isEntryPoint()) void runFromProcess();
