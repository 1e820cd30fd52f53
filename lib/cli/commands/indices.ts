/** `huntboard indices`: the embedded store's indices. */
import 'server-only';
import { parseCommandArgs } from '../args';
import { toTxt } from '../format-txt';
import { USAGE } from '../help';
import { dataDirOf, depsOf, UsageError, usesCluster, type CliIo } from '../io';

export async function indicesCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {});
  if (values.help) {
    io.stdout.write(USAGE.indices);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('indices takes no arguments');
  if (usesCluster(io.env)) {
    io.stderr.write('huntboard indices lists the embedded store only; a cluster is configured (ELASTICSEARCH_URL / ELASTICSEARCH_CLOUD_ID).\n');
    return 1;
  }
  const dataDir = dataDirOf(io.env);
  const indices = await (await depsOf(io).openStore(dataDir)).listIndices();
  if (indices.length === 0) {
    io.stdout.write(`No indices in ${dataDir}. Create some with \`huntboard demo\` or \`huntboard ingest\`.\n`);
    return 0;
  }
  const columns = [{ name: 'index' }, { name: 'docs' }, { name: 'from' }, { name: 'to' }];
  io.stdout.write(toTxt(columns, indices.map((i) => [i.name, i.docCount, i.minTimestamp, i.maxTimestamp])));
  return 0;
}
