/**
 * Property: random mutations of the seed hunts and of hunt-like queries never make the compiler or
 * the engine throw. Whatever parses and analyzes either compiles or gives positioned errors; a
 * sample of those run end to end answers ok or with a typed error, never `internal`.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, parse } from '../../esql';
import { openStore } from '../../store';
import type { SourceSnapshot } from '../../store/types';
import { compileQuery } from './query';
import { createEmbeddedEngine } from '../index';
import { tempDir } from '../testing/fixtures';
import type { EmbeddedEngine } from '../types';
import { SEED_ALL_USERS, SEED_ROOT_ONLY } from '../../esql/testing';

const NOW = new Date('2026-01-08T00:00:00.000Z');
const INDEX = 'logs-endpoint.events.network-default';
const seed = (rootOnly: boolean) => (rootOnly ? SEED_ROOT_ONLY : SEED_ALL_USERS);

const NET = 'from logs-endpoint.events.network-*';
const CORPUS = [
  seed(false),
  seed(true),
  `${NET} | where destination.port == 4444 | keep @timestamp, host.name, process.name, destination.ip`,
  `${NET} | stats c = count(*) by destination.port | sort c desc | limit 10`,
  `${NET} | eval h = date_trunc(1 hour, @timestamp) | stats c = count(*) by h, host.name`,
  `${NET} | where process.name like "*sh" | stats hosts = count_distinct(host.name) by process.name`,
  `${NET} | where process.name rlike "(nc|ncat|socat)" and destination.port > 1024 | keep process.name, destination.port`,
  `${NET} | mv_expand event.type | stats c = count(*) by event.type`,
  `${NET} | eval n = mv_count(event.type), first = mv_first(event.type) | keep n, first, event.type`,
  `${NET} | where cidr_match(destination.ip, "8.8.0.0/16") | stats c = count(*) by agent.id`,
  `${NET} | eval p = to_string(destination.port) | dissect message "%{a} %{b}" | keep a, b, p`,
  `${NET} | grok message "%{WORD:w} %{NUMBER:n:int}" | keep w, n`,
  `${NET} | eval d = date_diff("hour", @timestamp, now()) | where d < 48 | keep d, host.name`,
  `${NET} | eval y = date_extract("year", @timestamp) | stats c = count(*) by b = bucket(@timestamp, 1 hour)`,
  `${NET} | stats m = median(destination.port), p = percentile(destination.port, 90) by host.name`,
  `${NET} | eval g = greatest(destination.port, to_long(80)), l = least(destination.port, process.pid) | keep g, l`,
  `${NET} | eval pre = ip_prefix(destination.ip, 24, 0) | stats c = count(*) by pre`,
  `${NET} | eval mc = mv_contains(event.type, "start"), mm = mv_median(destination.port) | keep mc, mm`,
  `${NET} | where to_lower(host.name) == "web-1" or starts_with(process.name, "py") | limit 5`,
  `${NET} | eval bytes = coalesce(destination.port, 0) * 2 | stats total = sum(bytes), avg = avg(bytes) by user.name`,
  `${NET} | where event.action in ("connection_attempted", "connection_accepted") | rename process.name as proc | keep proc`,
  `${NET} | stats first_seen = min(@timestamp), last_seen = max(@timestamp) by host.name | eval span = date_diff("minute", first_seen, last_seen)`,
  `${NET} | eval c = case(destination.port < 1024, "system", destination.port < 49152, "user", "dynamic") | stats n = count(*) by c`,
  `${NET} | where user.id == "0" | stats vals = values(process.name) by host.name | eval n = mv_count(vals)`,
  `${NET} | drop message | sort @timestamp desc | limit 20`,
  `${NET} | eval len = length(process.name), up = to_upper(process.name) | where len > 3 | keep up, len`,
  `${NET} | eval t = to_datetime("2026-01-01T00:00:00Z") | where @timestamp > t | stats c = count(*)`,
  `${NET} | eval ip = to_ip("10.0.0.1") | where destination.ip != ip | keep destination.ip`,
  `${NET} | eval parsed = date_parse("yyyy-MM-dd", "2026-01-05") | keep parsed | limit 1`,
  `${NET} | where not process.name is null | stats c = count(*) by process.name, host.os.type | where c >= 2`,
  `row a = 1, b = "x", c = [1, 2, 3] | eval d = a + mv_sum(c), e = concat(b, "y") | mv_expand c`,
  `row ip = "192.168.1.5", n = 3.5 | eval i = to_ip(ip), r = round(n), f = floor(n) | keep i, r, f`,
  `row msg = "[12.5] sshd[42]: segfault at 7f00 ip 00 sp 00 error 4" | grok msg "\\\\[%{NUMBER:ts}\\\\] %{WORD:proc}\\\\[%{NUMBER:pid:int}\\\\]: segfault at %{BASE16NUM:addr} %{GREEDYDATA:rest}"`,
  `row d = "2023-01-01T10:15:00Z" | eval t = to_datetime(d), diff = date_diff("day", t, to_datetime("2023-03-01T00:00:00Z"))`,
  `${NET} | where to_lower(process.name) rlike "(nc|[p-s]sh.*|(?i)x)" and contains(message, "segfault") | eval r = reverse(process.name), b = bit_length(process.name) | keep r, b`,
  `${NET} | eval u = url_decode(url_encode(message)), s = concat(repeat(host.name, 2), space(1)) | keep u, s`,
  `${NET} | eval l = log(2, destination.port), n = log(destination.port), g = signum(process.pid - 105), c = cbrt(destination.port) | keep l, n, g, c`,
  `${NET} | eval a = atan2(process.pid, destination.port), t = sin(pi() * process.pid) + cos(e()) + tan(tau()), h = sinh(process.pid) / cosh(1.0) | where asin(0.5) < acos(0.1) and tanh(atan(1.0)) > 0 | keep a, t, h`,
  `${NET} | keep host.name, destination.port | inline stats top_port = max(destination.port), n = count(*) by host.name | where destination.port == top_port`,
  `${NET} | stats sd = std_dev(destination.port), v = variance(destination.port), w = weighted_avg(destination.port, process.pid), t = top(destination.port, 3, "desc"), f = first(process.name, @timestamp), l = last(process.name, @timestamp) by host.name`,
  `${NET} | eval u = to_ul(destination.port) + 18446744073709551000, x = exp(process.pid), h = hypot(destination.port, process.pid), c = clamp(destination.port, 10, 1000) | keep u, x, h, c`,
  `${NET} | eval a = mv_append(event.type, "x"), z = mv_zip(event.type, event.type, "-"), hex = to_long("0x1F", 16), d = to_degrees(1.0) | keep a, z, hex, d`,
  `${NET} | dissect message "%{+a} %{+a} %{b}" append_separator = "," | grok message "%{WORD:w} %{WORD:w}", "%{NUMBER:n}" | keep a, b, w, n`,
  `SET unmapped_fields = "nullify"; ${NET} | eval m = coalesce(nope, 1) | stats c = count(*) by nope`,
];

const POOL = [
  '|', ',', '(', ')', '==', '!=', '<', '>=', '+', '-', '*', '/', '%', 'and', 'or', 'not', 'is', 'null', 'in',
  'where', 'eval', 'stats', 'by', 'keep', 'drop', 'sort', 'limit', 'mv_expand', 'rename', 'as', 'dissect', 'grok',
  '@timestamp', 'destination.ip', 'destination.port', 'event.type', 'process.name', 'host.name', 'message', 'user.id', 'agent.id', 'c', 'x',
  'count(*)', 'count_distinct(agent.id)', 'now()', 'to_string(destination.port)', 'mv_count(event.type)', 'date_trunc(1 day, @timestamp)',
  'median(destination.port)', 'bucket(@timestamp, 1 hour)', 'greatest(1, 2)', 'bucket(@timestamp, 1 day)', 'percentile(destination.port, 50)', 'date_diff("day", @timestamp, now())', 'mv_median(destination.port)', 'ip_prefix(destination.ip, 8, 0)',
  '"x"', '"%{WORD:w}"', '"%{NOPE:z}"', '"2026"', '0', '1', '-1', '2147483648', '1.5', 'true', 'false', '[1, 2]', '7 day', '1 hour', '"10.0.0.0/8"',
  'log(destination.port)', 'log(0, 1)', 'asin(2)', 'cosh(1000)', 'repeat("ab", -1)', 'space(process.pid)', 'url_decode("%zz")', '"(?i)A[b-z]"',
  'inline', '18446744073709551615', 'to_ul(destination.port)', 'exp(1000)', 'hypot(1, 2)', 'std_dev(destination.port)', 'top(destination.port, 2, "asc")', 'mv_append(event.type, "y")', 'to_long("zz", 16)', 'set', ';',
];

/** Words, quoted strings, numbers, operators and whitespace: enough structure to mutate meaningfully. */
function tokens(text: string): string[] {
  return text.match(/"(?:[^"\\]|\\.)*"|[\w.@]+|\s+|==|!=|<=|>=|./g) ?? [];
}

type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'insert'; at: number; token: string }
  | { op: 'replace'; at: number; token: string }
  | { op: 'swapCommands'; a: number; b: number }
  | { op: 'duplicateCommand'; a: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...POOL) }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), token: fc.constantFrom(...POOL) }),
  fc.record({ op: fc.constant('swapCommands' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('duplicateCommand' as const), a: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  if (m.op === 'swapCommands' || m.op === 'duplicateCommand') {
    const commands = text.split('|');
    if (commands.length < 2) return text;
    const a = 1 + (m.a % (commands.length - 1));
    if (m.op === 'duplicateCommand') commands.splice(a, 0, commands[a]);
    else {
      const b = 1 + (m.b % (commands.length - 1));
      [commands[a], commands[b]] = [commands[b], commands[a]];
    }
    return commands.join('|');
  }
  const toks = tokens(text);
  // Only non-space tokens are targets, so most mutations change meaning rather than layout.
  const solid = toks.map((t, i) => (/^\s+$/.test(t) ? -1 : i)).filter((i) => i >= 0);
  if (!solid.length) return text;
  const at = solid[m.at % solid.length];
  if (m.op === 'delete') toks.splice(at, 1);
  else if (m.op === 'insert') toks.splice(at, 0, ' ', m.token, ' ');
  else toks[at] = m.token;
  return toks.join('');
}

// E2_SEED, E2_RUNS, E2_PICK and E2_MUT widen the search when hunting crashes by hand; the defaults are the suite.
const mutatedQuery = fc
  .tuple(fc.nat({ max: CORPUS.length - 1 }), fc.array(mutation, { minLength: 0, maxLength: Number(process.env.E2_MUT ?? 4) }))
  .map(([i, ms]) => ms.reduce(mutate, CORPUS[i]));

let engine: EmbeddedEngine;
let snapshot: SourceSnapshot;

beforeAll(async () => {
  const dataDir = tempDir();
  const store = openStore(dataDir);
  const at = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
  const doc = (i: number) => ({
    '@timestamp': at(i * 5),
    host: { name: `web-${i % 3}`, os: { type: i % 4 ? 'linux' : 'windows' } },
    event: { category: 'network', type: i % 3 ? 'start' : ['start', 'connection'], action: i % 2 ? 'connection_attempted' : 'connection_accepted' },
    process: { name: ['curl', 'nc', 'sshd', 'python3', null][i % 5], pid: 100 + i },
    destination: { ip: i % 6 ? `8.8.${i}.${i}` : ['10.0.0.1', '8.8.8.8'], port: i % 7 ? 443 + i : [22, 80] },
    source: { ip: `192.168.0.${i}` },
    agent: { id: `a${i % 4}` },
    user: { id: i % 3 ? '1000' : '0', name: `u${i % 2}` },
    message: `[${i}.25] proc${i}[${i * 10}]: segfault at 7f${i}a ip 0 sp 0 error 4`,
  });
  await store.ingestDocuments(INDEX, Array.from({ length: 12 }, (_, i) => doc(i)));
  const resolved = await store.resolve(['logs-endpoint.events.network-*']);
  if ('unknown' in resolved) throw new Error('fixture index missing');
  snapshot = resolved;
  engine = createEmbeddedEngine({ dataDir, now: () => NOW });
});
afterAll(() => engine?.close());

/** Parse → analyze → compile; the compile outcome when the query gets that far. */
function compiles(text: string): 'parse' | 'analyze' | 'ok' | 'error' {
  const parsed = parse(text);
  if (!parsed.ok) return 'parse';
  const analyzed = analyze(parsed.query, text, () => snapshot);
  if (!analyzed.ok) return 'analyze';
  const compiled = compileQuery(analyzed.analyzed, snapshot, { nowMs: NOW.getTime() });
  if (compiled.ok) return 'ok';
  for (const e of compiled.errors) {
    expect(e.span.start).toBeGreaterThanOrEqual(0);
    expect(e.span.end).toBeLessThanOrEqual(text.length);
    expect(e.message.length).toBeGreaterThan(0);
  }
  return 'error';
}

describe('compileQuery over mutated hunt queries', () => {
  it('every unmutated corpus query compiles', () => {
    const failing = CORPUS.filter((q) => compiles(q) !== 'ok');
    expect(failing).toEqual([]);
  });

  it('never throws; whatever analyzes compiles or gives positioned errors', () => {
    const outcomes = { parse: 0, analyze: 0, ok: 0, error: 0 };
    fc.assert(
      fc.property(mutatedQuery, (text) => {
        outcomes[compiles(text)]++;
      }),
      { numRuns: Number(process.env.E2_RUNS ?? 3000), seed: Number(process.env.E2_SEED ?? 20260108) },
    );
    // The mutations must reach the compiler often enough to mean something.
    expect(outcomes.ok).toBeGreaterThan(500);
  });

  it('a sample of compiling queries runs without internal errors or exceptions', async () => {
    const sample = fc.sample(mutatedQuery, { numRuns: Number(process.env.E2_RUNS ?? 4000), seed: Number(process.env.E2_SEED ?? 42) }).filter((t) => compiles(t) === 'ok');
    const picked = [...new Set(sample)].slice(0, Number(process.env.E2_PICK ?? 300));
    expect(picked.length).toBeGreaterThan(150);
    const internal: string[] = [];
    for (const text of picked) {
      const result = await engine.query({ query: text, now: NOW });
      if (!result.ok && result.error.kind === 'internal') internal.push(`${text}\n→ ${result.error.message}`);
    }
    expect(internal).toEqual([]);
  }, 60_000);
});
