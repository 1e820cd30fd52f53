/**
 * Test-only: valid ES|QL the fuzzers mutate — the seed hunts plus queries that reach every
 * command and the function families the embedded engine compiles, over the ECS network fields of
 * lib/esql/testing/network-index.ts.
 */
import { SEED_ALL_USERS, SEED_ROOT_ONLY } from './seed-queries';

const NET = 'from logs-endpoint.events.network-*';

export const VALID_QUERIES: readonly string[] = [
  SEED_ALL_USERS,
  SEED_ROOT_ONLY,
  `${NET} | where destination.port == 4444 | keep @timestamp, host.name, process.name, destination.ip`,
  `${NET} | stats c = count(*) by destination.port | sort c desc | limit 10`,
  `${NET} | eval h = date_trunc(1 hour, @timestamp) | stats c = count(*) by h, host.name`,
  `${NET} | where process.name like "*sh" | stats hosts = count_distinct(host.name) by process.name`,
  `${NET} | where process.name rlike "(nc|ncat|socat)" and destination.port > 1024 | keep process.name, destination.port`,
  `${NET} | mv_expand event.type | stats c = count(*) by event.type`,
  `${NET} | eval n = mv_count(event.type), f = mv_first(event.type) | keep n, f, event.type`,
  `${NET} | where cidr_match(destination.ip, "8.8.0.0/16") | stats c = count(*) by agent.id`,
  `${NET} | dissect message "%{a} %{b}" | keep a, b`,
  `${NET} | grok message "%{WORD:w} %{NUMBER:n:int}" | keep w, n`,
  `${NET} | eval d = date_diff("hour", @timestamp, now()) | where d < 48 | keep d, host.name`,
  `${NET} | stats c = count(*) by b = bucket(@timestamp, 1 hour) | sort b`,
  `${NET} | stats m = median(destination.port), p = percentile(destination.port, 90) by host.name`,
  `${NET} | stats n = count(*) where destination.port > 1024, t = count(*) by host.name`,
  `${NET} | where event.action in ("connection_attempted", "connection_accepted") | rename process.name as proc | keep proc`,
  `${NET} | rename proc = process.name, h = host.name | drop message | keep proc*, h`,
  `${NET} | stats first_seen = min(@timestamp), last_seen = max(@timestamp) by host.name`,
  `${NET} | eval c = case(destination.port < 1024, "system", destination.port < 49152, "user", "dynamic") | stats n = count(*) by c`,
  `${NET} | where user.id == "0" | stats vals = values(process.name) by host.name | eval n = mv_count(vals)`,
  `${NET} | sort @timestamp desc nulls last, host.name asc | limit 20`,
  `${NET} | eval len = length(process.name), up = to_upper(process.name) | where len > 3 and not up is null`,
  `${NET} | where @timestamp > ?_tstart and @timestamp <= ?_tend | stats c = count(*) by process.name`,
  `${NET} | where host.name == ?host and process.name != ?host | limit 5`,
  `${NET} | eval ip = to_ip("10.0.0.1"), s = destination.port::string | where destination.ip != ip | keep s`,
  `${NET} | where @timestamp > now() - 7 days and @timestamp < "2026-01-08T00:00:00Z"::datetime | limit 1`,
  `${NET} | where coalesce(process.name, "") != "" or process.args_count >= 2 | eval x = -process.pid % 7`,
  `${NET} /* block */ | // line comment\n where \`host.name\` == "a" | keep \`host.name\``,
  'from logs-endpoint.events.network-default, logs-mixed-* | limit 3',
  'row a = 1, b = "x", c = [1, 2, 3] | eval d = a + mv_sum(c), e = concat(b, "y") | mv_expand c',
  'row ip = "192.168.1.5", n = 3.5 | eval i = to_ip(ip), r = round(n), f = floor(n) | keep i, r, f',
  'row s = """triple "quoted" text""", u = "\u00e9\\t" | eval l = length(s) | where l > 0',
  'row t = to_datetime("2026-01-01T00:00:00Z") | eval w = t + 1 week, d = date_extract("year", t)',
];

/** Pieces the mutators insert: keywords, operators, names, literals and a few hostile bytes. */
export const MUTATION_TOKENS: readonly string[] = [
  '|', ',', '(', ')', '[', ']', '==', '!=', '<', '>=', '+', '-', '*', '/', '%', '::', '=', '.', '"', '"""', '`', '?', '?x', '?1',
  'from', 'row', 'where', 'eval', 'stats', 'by', 'sort', 'limit', 'keep', 'drop', 'rename', 'as', 'mv_expand', 'dissect',
  'grok', 'enrich', 'on', 'with', 'metadata', 'and', 'or', 'not', 'is', 'null', 'in', 'like', 'rlike', 'asc', 'desc', 'nulls',
  '@timestamp', 'destination.ip', 'destination.port', 'process.name', 'host.name', 'message', 'user.id', 'c', 'x',
  'count(*)', 'count_distinct(agent.id)', 'now()', 'bucket(@timestamp, 1 hour)', 'date_trunc(1 day, @timestamp)',
  '"x"', '"%{WORD:w}"', '"%{NOPE:z}"', '0', '-1', '2147483648', '9223372036854775808', '1.5', '1e309', 'true', '7 day',
  '/*', '*/', '//', '\n', '\r\n', '\t', '\u0000', '\u202e', '😀', '\\',
];

/** Huge and deep shapes (issue 13): each must give an answer or a positioned error, never a throw. */
const DEEP_NET = 'from logs-endpoint.events.network-*';
export const orChain = (n: number): string =>
  `${DEEP_NET} | where ${Array.from({ length: n }, (_, i) => `destination.port == ${i}`).join(' or ')}`;
export const nestedParens = (n: number): string => `${DEEP_NET} | eval x = ${'('.repeat(n)}destination.port${')'.repeat(n)}`;
export const nestedCalls = (n: number): string => `${DEEP_NET} | eval x = ${'abs('.repeat(n)}destination.port${')'.repeat(n)}`;
export const pipes = (n: number): string => `row a = 1${'\n| eval a = a + 1'.repeat(n)}`;
export const evalLines = (n: number): string =>
  `row x0 = 1\n| eval ${Array.from({ length: n }, (_, i) => `x${i + 1} = x${i} + 1`).join(',\n  ')}`;
