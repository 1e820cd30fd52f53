/** The analyzer over parser output: the seed hunt text as shipped, and positions in multi-line text. */
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { resolver } from '../testing/network-index';
import { formatErrors } from '../errors';
import { parse } from '../parser/parse';
import { SEED_ALL_USERS as SEED } from '../testing/seed-queries';

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
