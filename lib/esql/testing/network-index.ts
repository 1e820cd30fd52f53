/** Test fixtures: an ECS-shaped network event index and helpers to analyze builder queries. */
import type { EsqlParams } from '../../model/esql';
import { analyze } from '../analysis/analyze';
import { formatError } from '../errors';
import { q, resolverOf, type B } from './builders';
import type { Command } from '../ast';
import type { ResolvedField } from '../types';

export const NETWORK_FIELDS: ResolvedField[] = [
  { name: '@timestamp', type: 'date' },
  { name: 'agent.id', type: 'keyword' },
  { name: 'destination.ip', type: 'ip' },
  { name: 'destination.port', type: 'long' },
  { name: 'event.action', type: 'keyword' },
  { name: 'event.category', type: 'keyword' },
  { name: 'event.type', type: 'keyword' },
  { name: 'host.name', type: 'keyword' },
  { name: 'host.os.type', type: 'keyword' },
  { name: 'message', type: 'text' },
  { name: 'process.args_count', type: 'long' },
  { name: 'process.name', type: 'keyword' },
  { name: 'process.name.caseless', type: 'keyword' },
  { name: 'process.pid', type: 'long' },
  { name: 'source.ip', type: 'ip' },
  { name: 'user.id', type: 'keyword' },
  { name: 'user.name', type: 'keyword' },
  { name: 'agent.version', type: 'version' },
];

export const resolver = resolverOf({
  'logs-endpoint.events.network-default': NETWORK_FIELDS,
  'logs-mixed-a': [{ name: 'client.ip', type: 'unsupported', conflicts: [{ type: 'ip', indices: ['logs-mixed-a'] }, { type: 'keyword', indices: ['logs-mixed-b'] }] }, { name: 'n', type: 'integer' }],
});

export function run(commands: B<Command>[], params?: EsqlParams) {
  const { query, text } = q(...commands);
  return { text, query, result: analyze(query, text, resolver, params) };
}

/** `message @ source text at the error's span` for each problem ([] when the analysis succeeds). */
export function errorsOf(commands: B<Command>[], params?: EsqlParams): string[] {
  const { result, text } = run(commands, params);
  return result.ok ? [] : result.errors.map((e) => `${e.message} @ ${text.slice(e.span.start, e.span.end)}`);
}

/** The `line L:C: message` lines of a failing analysis ([] when it succeeds). */
export function linesOf(commands: B<Command>[], params?: EsqlParams): string[] {
  const { result } = run(commands, params);
  return result.ok ? [] : result.errors.map(formatError);
}

/** `name:type` of the output columns (throws with the errors when the analysis fails). */
export function outputOf(commands: B<Command>[], params?: EsqlParams): string[] {
  const { result } = run(commands, params);
  if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
  return result.analyzed.output.map((c) => `${c.name}:${c.type}`);
}

export const NET = 'logs-endpoint.events.network-*';
