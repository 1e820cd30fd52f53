/** `huntboard ingest`: NDJSON into the embedded store, streamed. */
import 'server-only';
import { access, readFile } from 'node:fs/promises';
import { parseCommandArgs } from '../args';
import { escapeVisible } from '../escape';
import { USAGE } from '../help';
import { dataDirOf, depsOf, UsageError, type CliIo } from '../io';
import { openInput } from '../read-input';

const SHOWN_REJECTIONS = 10;

/** Accepts an index-creation body (`{"mappings": {"properties": …}}`) as well as a bare mapping. */
async function readMapping(file: string): Promise<unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--mapping ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed === 'object' && parsed !== null && 'mappings' in parsed) return (parsed as { mappings: unknown }).mappings;
  return parsed;
}

export async function ingestCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    index: { type: 'string', short: 'i' },
    mapping: { type: 'string', short: 'm' },
  });
  if (values.help) {
    io.stdout.write(USAGE.ingest);
    return 0;
  }
  if (!values.index) throw new UsageError('--index NAME is required');
  if (positionals.length !== 1) throw new UsageError('expected one FILE argument (or - for stdin)');
  const file = positionals[0];
  if (file !== '-') {
    try {
      await access(file);
    } catch {
      throw new UsageError(`cannot read ${file}`);
    }
  }
  const mapping = values.mapping ? await readMapping(values.mapping) : undefined;

  const store = await depsOf(io).openStore(dataDirOf(io.env));
  const report = await store.ingestBytes(values.index, openInput(file, io.stdin), mapping === undefined ? {} : { mapping });
  io.stdout.write(`${report.stored} document${report.stored === 1 ? '' : 's'} stored in [${report.index}], ${report.rejected} rejected\n`);
  for (const rejection of report.rejections.slice(0, SHOWN_REJECTIONS)) {
    io.stdout.write(`  line ${rejection.line}: ${escapeVisible(rejection.reason)}\n`);
  }
  if (report.rejected > SHOWN_REJECTIONS) io.stdout.write(`  … and ${report.rejected - SHOWN_REJECTIONS} more\n`);
  // No documents is not a failure: the index exists with its mapping, as an empty bulk leaves it in Elasticsearch's test loader.
  return report.rejected === 0 ? 0 : 1;
}
