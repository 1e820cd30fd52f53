/**
 * Test fixtures shared by the lint and hunt-rewrite tests: the seed hunt's two queries (verbatim,
 * as the hunt file ships them) and a resolver over the ECS fields of endpoint network events.
 */
import type { EsqlParams } from '../../model/esql';
import type { Query } from '../ast';
import { analyze } from '../analysis/analyze';
import { formatErrors } from '../errors';
import { parse, parseTree } from '../parser/parse';
import { print } from '../syntax/printer';
import type { ResolvedField, SourceResolver } from '../types';

export { SEED_ALL_USERS, SEED_ROOT_ONLY } from './seed-queries';

export const ECS_NETWORK_FIELDS: ResolvedField[] = [
  ['@timestamp', 'date'],
  ['agent.id', 'keyword'],
  ['destination.ip', 'ip'],
  ['destination.port', 'long'],
  ['event.action', 'keyword'],
  ['event.category', 'keyword'],
  ['event.type', 'keyword'],
  ['host.name', 'keyword'],
  ['host.os.type', 'keyword'],
  ['network.transport', 'keyword'],
  ['process.entity_id', 'keyword'],
  ['process.executable', 'keyword'],
  ['process.name', 'keyword'],
  ['process.pid', 'long'],
  ['source.ip', 'ip'],
  ['source.port', 'long'],
  ['user.id', 'keyword'],
  ['user.name', 'keyword'],
].map(([name, type]) => ({ name, type }) as ResolvedField);

const NETWORK_INDEX = 'logs-endpoint.events.network-default';

/** Resolves patterns matching `logs-endpoint.events.network-default` (`*` wildcards) to the ECS fields. */
export function networkResolver(fields: ResolvedField[] = ECS_NETWORK_FIELDS): SourceResolver {
  return (patterns) => {
    for (const p of patterns) {
      const re = new RegExp('^' + p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
      if (!re.test(NETWORK_INDEX)) return { unknown: p };
    }
    return { indices: [NETWORK_INDEX], fields };
  };
}

export function parsed(text: string): Query {
  const r = parse(text);
  if (!r.ok) throw new Error(formatErrors(r.errors));
  return r.query;
}

/** The tree of a query past Elasticsearch's depth limit (parseTree): for the walkers' tests on long chains. */
export function parsedTree(text: string): Query {
  const r = parseTree(text);
  if (!r.ok) throw new Error(formatErrors(r.errors));
  return r.query;
}

/**
 * Prints `query`, parses the text again and analyzes it with `params`: the text a rewrite sends.
 * Throws with the problems when any step fails.
 */
export function roundTrip(query: Query, params?: EsqlParams, resolve: SourceResolver = networkResolver()) {
  const text = print(query);
  const again = parse(text);
  if (!again.ok) throw new Error(`${text}\n${formatErrors(again.errors)}`);
  const analyzed = analyze(again.query, text, resolve, params);
  if (!analyzed.ok) throw new Error(`${text}\n${formatErrors(analyzed.errors)}`);
  return { text, query: again.query, analyzed: analyzed.analyzed };
}

/** The columns entering the last STATS of `text`, as a caller gets them from analyze(). */
export function columnsBeforeLastStats(text: string, resolve: SourceResolver = networkResolver()) {
  const analyzed = analyze(parsed(text), text, resolve);
  if (!analyzed.ok) throw new Error(formatErrors(analyzed.errors));
  const steps = analyzed.analyzed.steps.filter((s) => s.command.kind === 'stats');
  return steps[steps.length - 1].input;
}
