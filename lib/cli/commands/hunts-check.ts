/**
 * `huntboard hunts check [DIR]`: every ES|QL query of every hunt file under DIR, parsed; one line
 * per problem (`FILE#N line:col message`, or `FILE message` for a file that did not load).
 */
import 'server-only';
import { stat } from 'node:fs/promises';
import { builtinHuntsDir, loadDirectory } from '../../hunts/catalogue';
import { parseCommandArgs } from '../args';
import { escapeVisible } from '../escape';
import { UsageError, type CliIo } from '../io';

interface Finding {
  file: string;
  query: number;
  text: string;
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

export async function huntsCheckCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length > 1) throw new UsageError('expected at most one DIR');
  const dir = positionals[0] ?? (io.env.HUNTBOARD_HUNTS_DIR || undefined);
  if (dir !== undefined && !(await isDirectory(dir))) throw new UsageError(`${dir} is not a directory`);
  const catalogue = await loadDirectory(dir ?? builtinHuntsDir(), dir ? 'directory' : 'builtin');

  const findings: Finding[] = catalogue.problems.map((p) => ({ file: p.file, query: 0, text: `${p.file} ${p.message}` }));
  let esqlQueries = 0;
  for (const hunt of catalogue.hunts) {
    for (const query of hunt.queries) {
      if (query.language !== 'ES|QL') continue;
      esqlQueries++;
      if (query.parsed.ok) continue;
      for (const error of query.parsed.errors) {
        findings.push({
          file: hunt.source.file,
          query: query.number,
          text: `${hunt.source.file}#${query.number} ${error.line}:${error.column} ${error.message}`,
        });
      }
    }
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.query - b.query));
  for (const finding of findings) io.stdout.write(`${escapeVisible(finding.text)}\n`);
  const hunts = catalogue.hunts.length;
  // Fixed wording (no singulars) so scripts can match the summary line.
  io.stdout.write(`${hunts} hunts, ${esqlQueries} ES|QL queries, ${findings.length} errors\n`);
  return findings.length > 0 ? 1 : 0;
}
