/** The analyzer over parser output: the seed hunt text as shipped, and positions in multi-line text. */
import { describe, expect, it } from 'vitest';
import { analyze } from './analyzer';
import { resolver } from './analyzer-fixtures';
import { formatErrors } from './errors';
import { parse } from './parser';

const SEED = `from logs-endpoint.events.network-*
| where @timestamp > now() - 7 day
| where host.os.type == "linux" and event.category == "network" and event.type == "start" and event.action == "connection_attempted" and not process.name is null and
    not CIDR_MATCH(destination.ip, "10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.0.0/29", "192.0.0.8/32", "192.0.0.9/32", "192.0.0.10/32", "192.0.0.170/32", "192.0.0.171/32", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.168.0.0/16", "192.88.99.0/24", "224.0.0.0/4", "100.64.0.0/10", "192.175.48.0/24","198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "::1","FE80::/10", "FF00::/8")
| stats connection_count = count(*), unique_agent_count = count_distinct(agent.id) by process.name
| where connection_count <= 5 and unique_agent_count == 1
| limit 100
| sort connection_count, unique_agent_count asc`;

function analyzeText(text: string, params?: Parameters<typeof analyze>[3]) {
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(formatErrors(parsed.errors));
  return analyze(parsed.query, text, resolver, params);
}

describe('analyzer over parsed text', () => {
  it.each([SEED, SEED.replace('"connection_attempted"', '"connection_attempted" and user.id == "0"')])('analyzes a seed query', (text) => {
    const result = analyzeText(text);
    expect(result.ok && result.analyzed.output).toEqual([
      { name: 'connection_count', type: 'long' },
      { name: 'unique_agent_count', type: 'long' },
      { name: 'process.name', type: 'keyword' },
    ]);
  });

  it('names unnamed columns by their text exactly as typed', () => {
    const result = analyzeText('from logs-endpoint.events.network-* | stats couNt(*),  COUNT_DISTINCT(agent.id, 80000) by LEFT(process.name, 1)');
    expect(result.ok && result.analyzed.output.map((c) => c.name)).toEqual(['couNt(*)', 'COUNT_DISTINCT(agent.id, 80000)', 'LEFT(process.name, 1)']);
  });

  it('names an unnamed filtered aggregate by its whole text, filter included', () => {
    const result = analyzeText('from logs-endpoint.events.network-* | stats sum(process.pid) WheRe process.name ==   "Doe", sum(process.pid)');
    expect(result.ok && result.analyzed.output.map((c) => c.name)).toEqual(['sum(process.pid) WheRe process.name ==   "Doe"', 'sum(process.pid)']);
  });

  it('reports positions on later lines as Elasticsearch counts them', () => {
    const result = analyzeText('from logs-endpoint.events.network-*\n| where proces.pid > 1\n| keep process.pid');
    expect(result.ok ? '' : formatErrors(result.errors)).toBe(
      'Found 1 problem\nline 2:9: Unknown column [proces.pid], did you mean [process.pid]?',
    );
  });

  it('binds params written in the text', () => {
    const result = analyzeText('from logs-endpoint.events.network-* | where process.name == ?name and @timestamp > ?since | keep process.name', [
      { name: 'curl' },
      { since: '2024-01-01' },
    ]);
    expect(result.ok).toBe(true);
  });
});
