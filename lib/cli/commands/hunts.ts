/** `huntboard hunts list|show|run|check`. */
import 'server-only';
import { formatError } from '../../esql';
import { findHunt, loadCatalogue } from '../../hunts/catalogue';
import { esqlQueryNumbers, runHuntQuery } from '../../hunts/run/as-written';
import type { Hunt, HuntCatalogue, HuntQuery } from '../../hunts/types';
import { parseCommandArgs } from '../args';
import { escapeVisible, escapeVisibleKeepNewlines } from '../escape';
import { toTxt } from '../format-txt';
import { USAGE } from '../help';
import { dataDirOf, depsOf, UsageError, type CliIo } from '../io';
import { parseFormat, parseNow, parseParams, parsePositiveNumber } from '../options';
import { printResult } from '../print-result';
import { huntsCheckCommand } from './hunts-check';
import type { ApiError } from '../../model/api';
import type { WindowSpec } from '../../hunts/run/window-spec';
import { openAppState } from '../../appstate/db';
import { runAndSave, runHuntInWindow } from '../../hunts/run/record';
import type { BackendError } from '../../model/esql';

async function catalogueOf(io: CliIo): Promise<HuntCatalogue> {
  return loadCatalogue({ huntsDir: io.env.HUNTBOARD_HUNTS_DIR || undefined });
}

function brokenCount(hunt: Hunt): number {
  return hunt.queries.filter((q) => q.language === 'ES|QL' && !q.parsed.ok).length;
}

function reportProblems(io: CliIo, catalogue: HuntCatalogue): void {
  for (const problem of catalogue.problems) {
    io.stderr.write(`Warning: ${escapeVisible(problem.file)}: ${escapeVisible(problem.message)}\n`);
  }
}

async function listHunts(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length > 0) throw new UsageError('hunts list takes no arguments');
  const catalogue = await catalogueOf(io);
  reportProblems(io, catalogue);
  const rows = catalogue.hunts.map((h) => {
    const broken = brokenCount(h);
    return [h.id, h.platform ?? null, h.name, h.language.join(', '), h.queries.length, broken > 0 ? `broken (${broken})` : ''];
  });
  const columns = ['id', 'platform', 'name', 'languages', 'queries', 'status'].map((name) => ({ name }));
  io.stdout.write(toTxt(columns, rows));
  return 0;
}

function queryStatus(query: HuntQuery): string {
  if (query.language !== 'ES|QL') return `${query.language === 'SQL' ? 'OSQuery SQL' : query.language}, not run`;
  if (query.parsed.ok) return 'ES|QL, parses';
  return `ES|QL, does not parse: ${query.parsed.errors.map(formatError).join('; ')}`;
}

function indent(text: string): string {
  return text
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

async function showHunt(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length !== 1) throw new UsageError('expected one hunt ID');
  const hunt = findHunt(await catalogueOf(io), positionals[0]);
  if (!hunt) return unknownHunt(io, positionals[0]);
  const safe = escapeVisibleKeepNewlines;
  const lines = [
    safe(hunt.name),
    '',
    `id:          ${safe(hunt.id)}`,
    `uuid:        ${safe(hunt.uuid)}`,
    `platform:    ${safe(hunt.platform ?? '-')}`,
    `source:      ${hunt.source.kind} ${safe(hunt.source.file)}`,
    `author:      ${safe(hunt.author)}`,
    `license:     ${safe(hunt.license)}`,
    `integration: ${safe(hunt.integration.join(', '))}`,
    `language:    ${safe(hunt.language.join(', '))}`,
    `MITRE:       ${safe(hunt.mitre.join(', ') || '-')}`,
    '',
    'Description:',
    indent(safe(hunt.description.trim())),
  ];
  if (hunt.notes.length > 0) lines.push('', 'Notes:', ...hunt.notes.map((n) => `  - ${safe(n)}`));
  if (hunt.references.length > 0) lines.push('', 'References:', ...hunt.references.map((r) => `  - ${safe(r)}`));
  for (const query of hunt.queries) {
    lines.push('', `Query ${query.number} (${safe(queryStatus(query))}):`, indent(safe(query.text)));
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function unknownHunt(io: CliIo, id: string): number {
  io.stderr.write(`Unknown hunt [${escapeVisible(id)}]; \`huntboard hunts list\` shows the ids.\n`);
  return 1;
}

async function runHunt(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    query: { type: 'string', short: 'q' },
    now: { type: 'string' },
    format: { type: 'string', short: 'f' },
    param: { type: 'string', multiple: true },
    all: { type: 'boolean' },
    save: { type: 'boolean' },
    from: { type: 'string' },
    to: { type: 'string' },
  });
  if (values.all ? positionals.length !== 0 : positionals.length !== 1) throw new UsageError(values.all ? '--all takes no hunt ID' : 'expected one hunt ID');
  const format = parseFormat(values.format);
  const now = parseNow(values.now, io.env);
  const params = parseParams(values.param);
  if ((values.from === undefined) !== (values.to === undefined)) throw new UsageError('--from and --to go together');
  const window: WindowSpec | undefined = values.from !== undefined && values.to !== undefined ? { id: 'custom', from: values.from, to: values.to } : undefined;
  // The page's path (lib/hunts/run: window, now pinned as a param) unless the analyst passes their
  // own --param values, which only the query as written can take.
  const prepared = params === undefined;
  if ((values.save || window !== undefined) && params !== undefined) throw new UsageError('--save and --from/--to run hunts as written; they take no --param');
  const queryNumber = parsePositiveNumber('query', values.query, true);
  const catalogue = await catalogueOf(io);
  const hunts = values.all ? catalogue.hunts : [findHunt(catalogue, positionals[0])].filter((h): h is Hunt => h !== undefined);
  if (hunts.length === 0) return values.all ? 0 : unknownHunt(io, positionals[0]);
  const plan = hunts.flatMap((hunt) => (queryNumber !== undefined ? [queryNumber] : esqlQueryNumbers(hunt)).map((number) => ({ hunt, number })));
  if (plan.length === 0) {
    io.stderr.write(`${values.all ? 'No hunt has' : `Hunt [${hunts[0].id}] has`} no ES|QL query to run.\n`);
    return 1;
  }

  const backend = await depsOf(io).createBackend(io.env);
  const db = values.save ? openAppState(dataDirOf(io.env)) : undefined;
  const runOptions = { now: now ?? new Date(), trigger: 'cli' as const, ...(window ? { window } : {}) };
  let exit = 0;
  try {
    for (const [i, { hunt, number }] of plan.entries()) {
      if (plan.length > 1) {
        // Keep stdout parseable for json/csv: the per-query header goes to stderr there.
        const header = `# ${hunt.id} query ${number}\n`;
        (format === 'txt' ? io.stdout : io.stderr).write(i === 0 || format !== 'txt' ? header : `\n${header}`);
      }
      if (prepared) {
        const { response, saved } = db ? await runAndSave(db, backend, hunt, number, runOptions) : { response: (await runHuntInWindow(backend, hunt, number, runOptions)).response, saved: undefined };
        exit = Math.max(exit, printResult(io, response.ok ? { ok: true, response: response.result } : { ok: false, error: asBackendError(response.error) }, format));
        if (saved) io.stderr.write(`Saved run #${saved.id} (${saved.status === 'ok' ? `${saved.rowCount} rows` : 'failed'}).\n`);
      } else {
        exit = Math.max(exit, printResult(io, await runHuntQuery(backend, hunt, number, { now, params }), format));
      }
    }
  } finally {
    db?.close();
    await backend.close();
  }
  return exit;
}

function asBackendError(error: ApiError): BackendError {
  // Only a hunt run's failures reach here; Huntboard's own refusals read as a bad request.
  const kind = error.kind === 'disk_full' ? 'internal' : error.kind === 'not_found' || error.kind === 'unauthenticated' || error.kind === 'forbidden' || error.kind === 'conflict' ? 'bad_request' : error.kind;
  return { kind, message: error.message };
}

export async function huntsCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h' || rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(USAGE.hunts);
    return sub === undefined ? 2 : 0;
  }
  switch (sub) {
    case 'list':
      return listHunts(rest, io);
    case 'show':
      return showHunt(rest, io);
    case 'run':
      return runHunt(rest, io);
    case 'check':
      return huntsCheckCommand(rest, io);
    default:
      throw new UsageError(`unknown hunts command [${sub}]`);
  }
}
