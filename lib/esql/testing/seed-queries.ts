/**
 * Test fixture: the two seed queries verbatim from Elastic's hunt (elastic/detection-rules,
 * hunting/linux/queries/low_volume_external_network_connections_from_process.toml), for every test
 * that needs their text. (lib/hunts/seed.test.ts keeps its own copy on purpose: it checks the shipped TOML.)
 */
const CIDRS =
  '"10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.0.0/29", "192.0.0.8/32", "192.0.0.9/32", "192.0.0.10/32", "192.0.0.170/32", "192.0.0.171/32", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.168.0.0/16", "192.88.99.0/24", "224.0.0.0/4", "100.64.0.0/10", "192.175.48.0/24","198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "::1","FE80::/10", "FF00::/8"';

function seed(extra: string): string {
  return `from logs-endpoint.events.network-*
| where @timestamp > now() - 7 day
| where host.os.type == "linux" and event.category == "network" and event.type == "start" and event.action == "connection_attempted"${extra} and not process.name is null and
    not CIDR_MATCH(destination.ip, ${CIDRS})
| stats connection_count = count(*), unique_agent_count = count_distinct(agent.id) by process.name
| where connection_count <= 5 and unique_agent_count == 1
| limit 100
| sort connection_count, unique_agent_count asc`;
}

export const SEED_ALL_USERS = seed('');
export const SEED_ROOT_ONLY = seed(' and user.id == "0"');
