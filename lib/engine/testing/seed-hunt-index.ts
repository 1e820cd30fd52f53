/**
 * A hand-built `logs-endpoint.events.network-*` index for the seed hunt ("Low Volume External
 * Network Connections from Process by Unique Agent"), with the expected rows of both queries worked
 * out by hand. Every process name says what it tests; `FIXTURE` lists, per process, why it is in
 * or out of each query's result.
 */
import { SEED_ALL_USERS, SEED_ROOT_ONLY } from '../../esql/testing';

/** The two seed queries, verbatim from Elastic's hunt (lib/esql/testing/seed-queries.ts names it; the second adds `and user.id == "0"`). */
export const SEED_QUERY_ALL_USERS = SEED_ALL_USERS;
export const SEED_QUERY_ROOT_ONLY = SEED_ROOT_ONLY;

export const SEED_INDEX = 'logs-endpoint.events.network-default';

/** now() for the fixture; the window is `@timestamp > 2026-01-01T00:00:00.000Z` (strict). */
export const SEED_NOW = new Date('2026-01-08T00:00:00.000Z');
const IN_WINDOW = '2026-01-05T12:00:00.000Z';
const PUBLIC_IP = '93.184.216.34';

/**
 * Types of the fields the hunt reads, as an Elasticsearch mapping: Elastic Defend's network data
 * stream maps them in elastic/endpoint-package, package/endpoint/data_stream/network/fields/fields.yml.
 */
const FIELD_TYPES: Record<string, string> = {
  '@timestamp': 'date',
  'agent.id': 'keyword',
  'host.name': 'keyword',
  'host.os.type': 'keyword',
  'event.action': 'keyword',
  'event.category': 'keyword',
  'event.type': 'keyword',
  'process.name': 'keyword',
  'process.pid': 'long',
  'user.id': 'keyword',
  'source.ip': 'ip',
  'destination.ip': 'ip',
  'destination.port': 'long',
  'network.direction': 'keyword',
};

type Mapping = { properties: Record<string, unknown> };

function nestedMapping(types: Record<string, string>): Mapping {
  const root: Mapping = { properties: {} };
  for (const [dotted, type] of Object.entries(types)) {
    const parts = dotted.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      node.properties[part] ??= { properties: {} };
      node = node.properties[part] as Mapping;
    }
    node.properties[parts[parts.length - 1]] = { type };
  }
  return root;
}

export const SEED_MAPPING = nestedMapping(FIELD_TYPES);

/** One event's fields; `undefined` leaves the field out of the document (absent = null). */
export interface EventSpec {
  '@timestamp'?: string;
  'agent.id'?: string;
  'host.os.type'?: string;
  'event.action'?: string;
  'event.category'?: string[];
  'event.type'?: string[];
  'user.id'?: string;
  'destination.ip'?: string | string[];
  /** Set to null to leave process.name out. */
  'process.name'?: string | null;
}

export interface FixtureProcess {
  name: string;
  events: EventSpec[];
  /** connection_count in each query's result, or null when the process is not in it; and why. */
  allUsers: number | null;
  rootOnly: number | null;
  why: string;
}

const one = (e: EventSpec = {}): EventSpec[] => [e];
const times = (n: number, e: EventSpec = {}): EventSpec[] => Array.from({ length: n }, () => ({ ...e }));
const nonPrivate = (ip: string, why: string): FixtureProcess => ({ name: `in-${ip}`, events: one({ 'destination.ip': ip }), allUsers: 1, rootOnly: null, why });
const excluded = (ip: string, why: string): FixtureProcess => ({ name: `out-${ip}`, events: one({ 'destination.ip': ip }), allUsers: null, rootOnly: null, why });

/** Defaults: in the window, Linux, network/start/connection_attempted, agent-a, user 1000, a public destination. */
export const FIXTURE: FixtureProcess[] = [
  // CIDR block edges (IPv4): first and last address of four excluded blocks are out, one address past each end is in.
  excluded('10.0.0.0', 'first address of 10.0.0.0/8'),
  excluded('10.255.255.255', 'last address of 10.0.0.0/8'),
  nonPrivate('9.255.255.255', 'one below 10.0.0.0/8, in no excluded block'),
  nonPrivate('11.0.0.0', 'one above 10.0.0.0/8'),
  excluded('172.16.0.0', 'first address of 172.16.0.0/12'),
  excluded('172.31.255.255', 'last address of 172.16.0.0/12'),
  nonPrivate('172.15.255.255', 'one below 172.16.0.0/12'),
  nonPrivate('172.32.0.0', 'one above 172.16.0.0/12'),
  excluded('100.64.0.0', 'first address of 100.64.0.0/10'),
  excluded('100.127.255.255', 'last address of 100.64.0.0/10'),
  nonPrivate('100.63.255.255', 'one below 100.64.0.0/10'),
  nonPrivate('100.128.0.0', 'one above 100.64.0.0/10'),
  excluded('192.168.0.0', 'first address of 192.168.0.0/16'),
  excluded('192.168.255.255', 'last address of 192.168.0.0/16'),
  nonPrivate('192.167.255.255', 'one below 192.168.0.0/16 (not in 192.0.0.0/24 … 192.175.48.0/24 either)'),
  nonPrivate('192.169.0.0', 'one above 192.168.0.0/16'),
  // IPv6 ranges.
  excluded('fe80::', 'first address of FE80::/10'),
  excluded('febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'last address of FE80::/10'),
  nonPrivate('fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'one below FE80::/10'),
  nonPrivate('fec0::', 'one above FE80::/10 (and below FF00::/8)'),
  excluded('ff00::', 'first address of FF00::/8'),
  excluded('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'last address of FF00::/8'),
  nonPrivate('feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'one below FF00::/8, above FE80::/10'),
  nonPrivate('2001:4860:4860::8888', 'a public IPv6 address'),
  // The bare block "::1" is one address.
  excluded('::1', 'the bare block "::1" matches exactly ::1'),
  nonPrivate('::2', '::2 is not ::1 and in no other block'),
  // IPv4-mapped IPv6 is the IPv4 address: IPv4 blocks apply to it.
  excluded('::ffff:10.1.2.3', '::ffff:10.1.2.3 is 10.1.2.3, in 10.0.0.0/8'),
  nonPrivate('::ffff:8.8.8.8', '::ffff:8.8.8.8 is 8.8.8.8, public'),
  // Null destination: NOT CIDR_MATCH(null, …) is null, the WHERE drops the event.
  { name: 'null-dest', events: one({ 'destination.ip': undefined }), allUsers: null, rootOnly: null, why: 'its only event has no destination.ip: dropped' },
  {
    name: 'mixed-null-dest',
    events: [{ 'destination.ip': undefined }, {}],
    allUsers: 1,
    rootOnly: null,
    why: 'the null-destination event is dropped, the public one counts: 1',
  },
  // Null agent.id: count_distinct ignores it.
  {
    name: 'no-agent',
    events: times(2, { 'agent.id': undefined }),
    allUsers: null,
    rootOnly: null,
    why: 'two events, no agent.id: unique_agent_count 0, not 1',
  },
  {
    name: 'half-agent',
    events: [{}, { 'agent.id': undefined }],
    allUsers: 2,
    rootOnly: null,
    why: 'count(*) counts both events, count_distinct sees one agent: 2 and 1',
  },
  // The 7-day window is strict.
  { name: 'window-exact', events: one({ '@timestamp': '2026-01-01T00:00:00.000Z' }), allUsers: null, rootOnly: null, why: 'exactly now() - 7 days: not after it' },
  { name: 'window-just-in', events: one({ '@timestamp': '2026-01-01T00:00:00.001Z' }), allUsers: 1, rootOnly: null, why: 'one millisecond inside the window' },
  // Other hosts and events.
  { name: 'windows-host', events: one({ 'host.os.type': 'windows' }), allUsers: null, rootOnly: null, why: 'not a Linux host' },
  { name: 'accepted', events: one({ 'event.action': 'connection_accepted' }), allUsers: null, rootOnly: null, why: 'event.action connection_accepted' },
  { name: 'end-event', events: one({ 'event.type': ['end'], 'event.action': 'disconnect_received' }), allUsers: null, rootOnly: null, why: 'event.type end' },
  { name: 'dns-category', events: one({ 'event.category': ['dns'] }), allUsers: null, rootOnly: null, why: 'event.category dns' },
  // Multi-valued fields: single-value comparisons give null plus a warning, the event is dropped.
  {
    name: 'mv-category',
    events: one({ 'event.category': ['network', 'process'], 'user.id': '0' }),
    allUsers: null,
    rootOnly: null,
    why: 'event.category == "network" over [network, process] is null (warning): dropped',
  },
  {
    name: 'mv-destination',
    events: one({ 'destination.ip': [PUBLIC_IP, '8.8.8.8'], 'user.id': '0' }),
    allUsers: null,
    rootOnly: null,
    why: 'CIDR_MATCH over two ips is null (warning, Elasticsearch ≤ 9.5), NOT null is null: dropped',
  },
  // Thresholds.
  { name: 'five-connections', events: times(5), allUsers: 5, rootOnly: null, why: 'connection_count 5 <= 5' },
  { name: 'six-connections', events: times(6), allUsers: null, rootOnly: null, why: 'connection_count 6 > 5' },
  { name: 'two-agents', events: [{}, { 'agent.id': 'agent-b' }], allUsers: null, rootOnly: null, why: 'two distinct agents, not 1' },
  // user.id for the root-only query.
  { name: 'root-only', events: one({ 'user.id': '0' }), allUsers: 1, rootOnly: 1, why: 'one root event: in both' },
  { name: 'non-root', events: one(), allUsers: 1, rootOnly: null, why: 'user 1000: not root' },
  { name: 'no-user', events: one({ 'user.id': undefined }), allUsers: 1, rootOnly: null, why: 'no user.id: user.id == "0" is null' },
  {
    name: 'mixed-user',
    events: [{ 'user.id': '0' }, { 'user.id': '0' }, {}],
    allUsers: 3,
    rootOnly: 2,
    why: 'three events, two of them root',
  },
  {
    name: 'root-six',
    events: [...times(4, { 'user.id': '0' }), ...times(2)],
    allUsers: null,
    rootOnly: 4,
    why: 'six events (out of the all-users query), four of them root (in the root-only one)',
  },
  {
    name: 'root-two-agents',
    events: [{ 'user.id': '0' }, { 'agent.id': 'agent-b' }],
    allUsers: null,
    rootOnly: 1,
    why: 'two agents overall; the only root event is on one agent',
  },
];

/** An event with no process.name at all: `not process.name is null` drops it, so no null group appears. */
const NAMELESS: EventSpec = { 'process.name': null, 'user.id': '0' };

function setPath(doc: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = doc;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

let pid = 1000;
function toDocument(processName: string | null, spec: EventSpec): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    '@timestamp': IN_WINDOW,
    'agent.id': 'agent-a',
    'host.name': 'web-01',
    'host.os.type': 'linux',
    'event.action': 'connection_attempted',
    'event.category': ['network'],
    'event.type': ['start'],
    'process.name': processName,
    'process.pid': pid++,
    'user.id': '1000',
    'source.ip': '10.20.4.17',
    'destination.ip': PUBLIC_IP,
    'destination.port': 443,
    'network.direction': 'egress',
  };
  for (const [k, v] of Object.entries(spec)) fields[k] = v;
  const doc: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null) setPath(doc, k, v);
  return doc;
}

export function seedDocuments(processes: FixtureProcess[] = FIXTURE): Record<string, unknown>[] {
  pid = 1000;
  return [...processes.flatMap((p) => p.events.map((e) => toDocument(p.name, e))), toDocument(null, NAMELESS)];
}

/** `[process.name, connection_count]` expected from one query, in no particular order. */
export function expectedRows(query: 'allUsers' | 'rootOnly', processes: FixtureProcess[] = FIXTURE): [string, number][] {
  return processes.flatMap((p) => (p[query] === null ? [] : [[p.name, p[query] as number] as [string, number]]));
}

/** `Line L:C` of a substring of a query, as Elasticsearch positions warnings. */
export function positionIn(query: string, fragment: string): string {
  const at = query.indexOf(fragment);
  if (at < 0) throw new Error(`not in the query: ${fragment}`);
  const before = query.slice(0, at).split('\n');
  return `Line ${before.length}:${before[before.length - 1].length + 1}`;
}

/** The source text of the seed's CIDR_MATCH call, as a warning quotes it. */
export function cidrMatchText(query: string): string {
  const start = query.indexOf('CIDR_MATCH(');
  const end = query.indexOf(')', start);
  return query.slice(start, end + 1);
}
