/**
 * `huntboard users add|list|remove|passwd|role`: the accounts of the dashboard. Passwords are read
 * from stdin (first line), never from argv, which other users of the machine can read in `ps`.
 */
import 'server-only';
import { openAppState } from '../../appstate/db';
import type { AppDatabase } from '../../appstate/database';
import { MIGRATIONS } from '../../appstate/migrations';
import { isRole, ROLES, type Role } from '../../auth/roles';
import { addUser, countUsers, listUsers, removeUser, setPassword, setRole, type UserResult } from '../../auth/users';
import { readLines } from '../../store/ndjson';
import { parseCommandArgs } from '../args';
import { escapeVisible } from '../escape';
import { toTxt } from '../format-txt';
import { USAGE } from '../help';
import { dataDirOf, UsageError, type CliIo } from '../io';
import { parseNow } from '../options';

// The server decides its mode once, at start (lib/auth/access.ts): say what a restart changes.
export const FIRST_ACCOUNT =
  'A running Huntboard stays in local single-user mode (127.0.0.1 only, everyone the lead) until restarted; restart it to require sign-in.';
export const LAST_ACCOUNT =
  'No users are left: the running server stays in accounts mode until restarted (nobody can sign in meanwhile); after a restart Huntboard runs in local single-user mode, on 127.0.0.1 only.';

const nowOf = (io: CliIo) => parseNow(undefined, io.env) ?? new Date();

function roleOf(value: string | undefined): Role {
  if (isRole(value)) return value;
  throw new UsageError(`the role must be one of ${ROLES.join(', ')}, not [${value ?? ''}]`);
}

function oneName(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`expected ${what}`);
  return positionals[0];
}

async function readPassword(io: CliIo): Promise<string | undefined> {
  for await (const line of readLines(io.stdin)) return line.replace(/\r$/, '');
  return undefined;
}

async function withDb<T>(io: CliIo, work: (db: AppDatabase) => Promise<T> | T): Promise<T> {
  const db = openAppState(dataDirOf(io.env), MIGRATIONS);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

function report(io: CliIo, result: UserResult, done: (username: string, role: Role) => string): number {
  if (!result.ok) {
    io.stderr.write(`${escapeVisible(result.message)}\n`);
    return 1;
  }
  io.stdout.write(`${done(result.user.username, result.user.role)}\n`);
  return 0;
}

async function add(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { role: { type: 'string' }, 'password-stdin': { type: 'boolean' } });
  const username = oneName(positionals, 'one user name');
  const role = roleOf(values.role);
  const password = await readPassword(io);
  if (password === undefined) throw new UsageError('users add reads the password from stdin (first line)');
  return withDb(io, async (db) => {
    const result = await addUser(db, { username, role, password }, nowOf(io));
    const first = result.ok && countUsers(db) === 1;
    return report(io, result, (u, r) => (first ? `Added ${u} (${r}). ${FIRST_ACCOUNT}` : `Added ${u} (${r}).`));
  });
}

function list(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length > 0) throw new UsageError('users list takes no arguments');
  return withDb(io, (db) => {
    const users = listUsers(db);
    const rows = users.map((u) => [u.username, u.role, u.createdAt]);
    io.stdout.write(users.length ? toTxt([{ name: 'name' }, { name: 'role' }, { name: 'created' }], rows) : 'No users: Huntboard starts in local single-user mode. `huntboard users add NAME --role lead` adds one (then restart the server).\n');
    return 0;
  });
}

function remove(args: string[], io: CliIo): Promise<number> {
  const username = oneName(parseCommandArgs(args, {}).positionals, 'one user name');
  return withDb(io, (db) => {
    const result = removeUser(db, username);
    const left = result.ok ? countUsers(db) : 1;
    return report(io, result, (u) => (left ? `Removed ${u}.` : `Removed ${u}. ${LAST_ACCOUNT}`));
  });
}

async function passwd(args: string[], io: CliIo): Promise<number> {
  const username = oneName(parseCommandArgs(args, { 'password-stdin': { type: 'boolean' } }).positionals, 'one user name');
  const password = await readPassword(io);
  if (password === undefined) throw new UsageError('users passwd reads the new password from stdin (first line)');
  return withDb(io, async (db) => report(io, await setPassword(db, username, password, nowOf(io)), (u) => `Changed the password of ${u}; their sessions are ended.`));
}

function role(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length !== 2) throw new UsageError('expected a user name and a role');
  const newRole = roleOf(positionals[1]);
  return withDb(io, (db) => report(io, setRole(db, positionals[0], newRole, nowOf(io)), (u, r) => `${u} is now ${r}.`));
}

const SUBCOMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = { add, list, remove, passwd, role };

export async function usersCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h' || rest.includes('--help')) {
    io.stdout.write(USAGE.users);
    return sub === undefined ? 2 : 0;
  }
  const run = Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
  if (!run) throw new UsageError(`unknown users command [${sub}]`);
  return run(rest, io);
}
