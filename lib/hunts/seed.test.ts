/** The shipped seed hunt holds Elastic's two queries byte for byte (expected text embedded here). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinHuntsDir } from './catalogue';
import { loadHuntText } from './loader';

const CIDRS =
  '"10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.0.0/29", "192.0.0.8/32", "192.0.0.9/32", "192.0.0.10/32", "192.0.0.170/32", "192.0.0.171/32", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.168.0.0/16", "192.88.99.0/24", "224.0.0.0/4", "100.64.0.0/10", "192.175.48.0/24","198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "::1","FE80::/10", "FF00::/8"';

const QUERY_ALL_USERS = `from logs-endpoint.events.network-*
| where @timestamp > now() - 7 day
| where host.os.type == "linux" and event.category == "network" and event.type == "start" and event.action == "connection_attempted" and not process.name is null and
    not CIDR_MATCH(destination.ip, ${CIDRS})
| stats connection_count = count(*), unique_agent_count = count_distinct(agent.id) by process.name
| where connection_count <= 5 and unique_agent_count == 1
| limit 100
| sort connection_count, unique_agent_count asc
`;

const QUERY_ROOT_ONLY = `from logs-endpoint.events.network-*
| where @timestamp > now() - 7 day
| where host.os.type == "linux" and event.category == "network" and event.type == "start" and event.action == "connection_attempted" and user.id == "0" and not process.name is null and
    not CIDR_MATCH(destination.ip, ${CIDRS})
| stats connection_count = count(*), unique_agent_count = count_distinct(agent.id) by process.name
| where connection_count <= 5 and unique_agent_count == 1
| limit 100
| sort connection_count, unique_agent_count asc
`;

const FILE = 'linux/low_volume_external_network_connections_from_process.toml';

describe('the seed hunt file', () => {
  const text = readFileSync(path.join(builtinHuntsDir(), FILE), 'utf8');
  const result = loadHuntText(text, {
    source: { kind: 'builtin', file: FILE },
    id: 'low_volume_external_network_connections_from_process',
    platform: 'linux',
  });
  if (!result.ok) throw new Error(result.problem.message);
  const { hunt, warnings } = result;

  it('sits beside this module', () => {
    expect(builtinHuntsDir()).toBe(path.join(path.dirname(fileURLToPath(import.meta.url)), 'builtin'));
  });

  it('holds both queries verbatim', () => {
    expect(hunt.queries.map((q) => q.text)).toEqual([QUERY_ALL_USERS, QUERY_ROOT_ONLY]);
    expect(CIDRS.split(',')).toHaveLength(26);
  });

  it('has Elastic metadata', () => {
    expect(warnings).toEqual([]);
    expect(hunt).toMatchObject({
      uuid: '12526f14-5e35-4f5f-884c-96c6a353a544',
      name: 'Low Volume External Network Connections from Process by Unique Agent',
      author: 'Elastic',
      license: 'Elastic License v2',
      integration: ['endpoint'],
      language: ['ES|QL'],
      mitre: ['T1071.001', 'T1071.004'],
    });
    expect(hunt.description).toMatch(/^This hunt identifies low volume external network connections/);
    expect(hunt.notes).toHaveLength(3);
    expect(hunt.notes[2]).toMatch(/root user/);
  });

  it('parses both queries', () => {
    for (const query of hunt.queries) {
      expect(query.language).toBe('ES|QL');
      if (query.language === 'ES|QL') expect(query.parsed.ok).toBe(true);
    }
  });
});
