/**
 * The baseline the engine is measured against: the seed hunts written by hand in DuckDB SQL over
 * the same Parquet parts, as a DuckDB expert would write them for this layout (lib/store/layout.ts).
 */
import { parseCidr } from '../lib/model/ip';

/** The CIDR list of the seed queries (lib/hunts/builtin/linux/low_volume_external_network_connections_from_process.toml), verbatim. */
export const SEED_CIDRS = ['10.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.0.0/29', '192.0.0.8/32', '192.0.0.9/32', '192.0.0.10/32', '192.0.0.170/32', '192.0.0.171/32', '192.0.2.0/24', '192.31.196.0/24', '192.52.193.0/24', '192.168.0.0/16', '192.88.99.0/24', '224.0.0.0/4', '100.64.0.0/10', '192.175.48.0/24', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '240.0.0.0/4', '::1', 'FE80::/10', 'FF00::/8'];

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function handWrittenSeedSql(partFiles: string[], nowMs: number, rootOnly: boolean): string {
  const ranges = SEED_CIDRS.map((block) => {
    const range = parseCidr(block);
    if ('error' in range) throw new Error(range.error);
    return `d BETWEEN ${quote(range.lo)} AND ${quote(range.hi)}`;
  });
  const files = `[${partFiles.map(quote).join(', ')}]`;
  return `
    SELECT count(*) AS connection_count, count(DISTINCT agent) AS unique_agent_count, name AS "process.name"
    FROM (
      SELECT "process.name" AS name, "agent.id" AS agent, "destination.ip" AS d
      FROM read_parquet(${files}, union_by_name = true)
      WHERE "@timestamp" > ${nowMs - 7 * 86_400_000}
        AND "host.os.type" = 'linux' AND "event.category" = 'network' AND "event.type" = 'start'
        AND "event.action" = 'connection_attempted'${rootOnly ? ` AND "user.id" = '0'` : ''}
        AND "process.name" IS NOT NULL AND "destination.ip" IS NOT NULL
    )
    WHERE NOT (${ranges.join(' OR ')})
    GROUP BY name
    HAVING count(*) <= 5 AND count(DISTINCT agent) = 1
    ORDER BY connection_count, unique_agent_count, name
    LIMIT 100`;
}
