/** A query result on the CLI's streams: body on stdout, warnings and errors on stderr. */
import 'server-only';
import type { QueryResult } from '../model/esql';
import { escapeVisibleKeepNewlines } from './escape';
import { toCsv } from '../view/export/csv';
import { toJson } from './format-json';
import { toTxt } from './format-txt';
import type { CliIo } from './io';
import type { OutputFormat } from './options';

/** Returns the exit code: 0 on success, 1 on a query error. */
export function printResult(io: Pick<CliIo, 'stdout' | 'stderr'>, result: QueryResult, format: OutputFormat): number {
  if (!result.ok) {
    io.stderr.write(`${escapeVisibleKeepNewlines(result.error.message)}\n`);
    return 1;
  }
  const { response } = result;
  for (const warning of response.warnings) io.stderr.write(`Warning: ${escapeVisibleKeepNewlines(warning)}\n`);
  if (format === 'json') io.stdout.write(toJson(response));
  else if (format === 'csv') io.stdout.write(toCsv(response.columns, response.values));
  else io.stdout.write(toTxt(response.columns, response.values));
  if (response.is_partial) io.stderr.write('Warning: the result is partial\n');
  return 0;
}
