/** The two seed queries, read from the shipped hunt file so the benchmark runs what users run. */
import { builtinHuntsDir, findHunt, loadDirectory } from '../lib/hunts/catalogue';

export async function seedQueries(): Promise<{ allUsers: string; rootOnly: string }> {
  const hunt = findHunt(await loadDirectory(builtinHuntsDir(), 'builtin'), 'low_volume_external_network_connections_from_process');
  if (!hunt || hunt.queries.length < 2) throw new Error('the seed hunt is missing from the builtin catalogue');
  return { allUsers: hunt.queries[0].text, rootOnly: hunt.queries[1].text };
}
