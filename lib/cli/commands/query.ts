/** `huntboard query`: one ES|QL query on the configured backend. */
import 'server-only';
import { parseCommandArgs } from '../args';
import { USAGE } from '../help';
import { depsOf, UsageError, type CliIo } from '../io';
import { parseFormat, parseNow, parseParams } from '../options';
import { printResult } from '../print-result';
import { readAll } from '../read-input';

export async function queryCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    now: { type: 'string' },
    format: { type: 'string', short: 'f' },
    param: { type: 'string', multiple: true },
  });
  if (values.help) {
    io.stdout.write(USAGE.query);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('expected exactly one QUERY argument (quote it, or pass - to read stdin)');
  const format = parseFormat(values.format);
  const now = parseNow(values.now, io.env);
  const params = parseParams(values.param);
  const query = positionals[0] === '-' ? await readAll(io.stdin) : positionals[0];

  const backend = await depsOf(io).createBackend(io.env);
  try {
    const result = await backend.query({ query, now, params });
    return printResult(io, result, format);
  } finally {
    await backend.close();
  }
}
