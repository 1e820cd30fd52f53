/**
 * Test inputs for the native reader's fidelity checks: NDJSON lines, hand-picked and seeded-random,
 * that stress every rule where the native reader and the reference path could part ways.
 */
import { lcg } from './events';

/** Explicit mapping with every type the store materialises, multi-fields and a normalizer. */
export const ALL_TYPES_MAPPING = {
  properties: {
    '@timestamp': { type: 'date' },
    k: { type: 'keyword', fields: { text: { type: 'match_only_text' }, lc: { type: 'keyword', normalizer: 'lowercase' } } },
    t: { type: 'text' },
    l: { type: 'long' },
    i: { type: 'integer' },
    sh: { type: 'short' },
    by: { type: 'byte' },
    u: { type: 'unsigned_long' },
    d: { type: 'double' },
    f: { type: 'float' },
    hf: { type: 'half_float' },
    sf: { type: 'scaled_float', scaling_factor: 100 },
    h: { type: 'double', fields: { f: { type: 'float' }, hf: { type: 'half_float' }, sf: { type: 'scaled_float', scaling_factor: 10 } } },
    b: { type: 'boolean' },
    ip: { type: 'ip' },
    dt: { type: 'date' },
    g: { type: 'geo_point' },
    o: { properties: { k: { type: 'keyword' }, ip: { type: 'ip' }, n: { properties: { l: { type: 'long' } } } } },
  },
};

/** Lines that each probe one rule. */
export const PROBE_LINES: string[] = [
  '{"@timestamp":"2026-01-08T00:00:00.000Z","k":"a","l":1}',
  '{"@timestamp":"2026-01-08T00:00:00Z","k":"b"}',
  '{"@timestamp":"2026-01-08T00:00:00.5Z"}',
  '{"@timestamp":"2026-01-08T00:00:00.123456789Z"}',
  '{"@timestamp":"1969-12-31T23:59:59.9995Z"}',
  '{"@timestamp":"2026-02-29T00:00:00.000Z"}',
  '{"@timestamp":"2024-02-29T00:00:00.000Z"}',
  '{"@timestamp":"2026-01-08T24:00:00.000Z"}',
  '{"@timestamp":"2026-01-08T00:00:60Z"}',
  '{"@timestamp":"2026-01-08"}',
  '{"@timestamp":"2026-01-08T10:00:00+02:00"}',
  '{"@timestamp":"1700000000000"}',
  '{"@timestamp":1700000000000}',
  '{"@timestamp":"0000-01-01T00:00:00Z"}',
  '{"@timestamp":"not a date"}',
  '{"@timestamp":""}',
  '{"ip":"10.0.0.1"}',
  '{"ip":"010.0.0.1"}',
  '{"ip":"256.0.0.1"}',
  '{"ip":"::1"}',
  '{"ip":"::ffff:10.0.0.1"}',
  '{"ip":"FE80::1"}',
  '{"ip":"fe80::1%eth0"}',
  '{"ip":["10.0.0.2","10.0.0.1","10.0.0.2"]}',
  '{"ip":["10.0.0.1","nope"]}',
  '{"ip":123}',
  '{"i":2147483647}',
  '{"i":2147483648}',
  '{"i":-2147483649}',
  '{"sh":32768}',
  '{"by":-129}',
  '{"by":[1,-1,1]}',
  '{"u":-1}',
  '{"u":123456789012345}',
  '{"l":"12"}',
  '{"l":1.5}',
  '{"l":-0}',
  '{"l":[3,1,2]}',
  '{"l":123456789012345678}',
  '{"d":1.5}',
  '{"d":-0}',
  '{"d":1e300}',
  '{"d":1e-5}',
  '{"d":[1.5,0.5]}',
  '{"f":3}',
  '{"f":2.03}',
  '{"f":[2.1,0.1,2.1]}',
  '{"f":1e39}',
  '{"f":3.4028235e38}',
  '{"f":"2.03"}',
  '{"f":-1e-46}',
  '{"hf":2.03}',
  '{"hf":[65504,-0.1,65519]}',
  '{"hf":65520}',
  '{"hf":1e-8}',
  '{"hf":"0.00001"}',
  '{"sf":2.03}',
  '{"sf":[0.005,-0.005,1.005]}',
  '{"sf":1e17}',
  '{"sf":[1e30,-1e30]}',
  '{"sf":-1e300}',
  '{"sf":"79.99"}',
  '{"h":2.03}',
  '{"h":[1.63,0.3,-0.05,70000]}',
  '{"b":true}',
  '{"b":"true"}',
  '{"b":[true,false,true]}',
  '{"k":["b","a","b"]}',
  '{"k":["é","z","Z"]}',
  '{"k":[]}',
  '{"k":[null]}',
  '{"k":null}',
  '{"k":["x"]}',
  '{"k":5}',
  '{"k":"MiXeD"}',
  '{"k":"ΟΔΟΣ İstanbul STRASSE"}',
  '{"k":["B","b","A"]}',
  '{"k":{"x":1}}',
  '{"k":"tab\\there \\"quoted\\" \\\\ back"}',
  '{"k":"\\u00e9\\u0000"}',
  '{"k":"\\ud83d\\ude00"}',
  '{"k":"😀"}',
  '{"k":"=HYPERLINK(\\"x\\")<script>"}',
  '{"t":["b","a","b"]}',
  '{"o":{"k":"x","ip":"1.2.3.4","n":{"l":7}}}',
  '{"o":"flat"}',
  '{"o.k":"dotted"}',
  '{"o":{"k":"x"},"o.k":"y"}',
  '{"k":"first","k":"second"}',
  '{"unknown":"x","o":{"other":1}}',
  '{"g":{"lat":1,"lon":2}}',
  '{"g":"1,2"}',
  '{"k.text":"multi-field given"}',
  '{".line":5,"k":"reserved-looking"}',
  '{"":1}',
  '{"__proto__":{"k":"x"},"k":"y"}',
  '  {"k":"leading space"}  ',
  '{}',
  '[]',
  '"string"',
  '{"k":"unterminated',
  '{"k":"a",}',
  '{"k":NaN}',
  '',
  '   ',
  '{"k":"after blank"}',
  '{"k":"scalar, then an empty array in the same batch"}',
  '{"k":[]}',
  '{"o":{"k":"x"}}',
  '{"o":{"k":[null]},"ip":[]}',
  '{"k":\n"inner line break"}',
  '{"k":"crlf"}\r',
  '{"k":"x"}\n{"k":"two documents"}',
];

const KEYS = ['@timestamp', 'k', 't', 'l', 'i', 'sh', 'by', 'u', 'd', 'f', 'hf', 'sf', 'h', 'b', 'ip', 'dt', 'o', 'extra', 'o.k'];

function randomScalar(rand: () => number): unknown {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  switch (Math.floor(rand() * 9)) {
    case 0:
      return pick(['a', 'B', 'é', '', ' ', '10.1.2.3', '::1', '2026-01-08T00:00:00Z', '2026-01-08T00:00:00.1Z', '2026-13-01T00:00:00Z', '17', '-3', '1.5', 'true', '<b>', '=1+1']);
    case 1:
      return Math.floor(rand() * 2 ** 31) * (rand() < 0.5 ? -1 : 1);
    case 2:
      return pick([0, -0, 1, 127, 128, 255, 32767, 32768, 2147483647, 2147483648, 1700000000000, 999999999999999]);
    case 3:
      return rand() * 1000 - 500;
    case 4:
      return rand() < 0.5;
    case 5:
      return null;
    case 6:
      return `${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}.${Math.floor(rand() * 300)}.${Math.floor(rand() * 256)}`;
    case 7:
      return new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 1e10)).toISOString();
    default:
      return pick([
        'fe80::1', '2001:db8::ff00:42:8329', '::ffff:1.2.3.4', '1::', '::', 'FE80::1:2:3:4:5:6', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::', 'x', 'Z', 'a',
        '\u0000', '\u202e\u0645', 'ΟΔΟΣ', 'İ', '=cmd|"/c calc"!A1', '<img src=x onerror=alert(1)>', '😀', '\ud800', '2026-01-08T00:00:00.123456Z', '2026-01-08T10:00:00+05:30', '-0',
      ]);
  }
}

function randomValue(rand: () => number, depth: number): unknown {
  const r = rand();
  if (r < 0.6) return randomScalar(rand);
  if (r < 0.85) {
    const kind = rand();
    return Array.from({ length: Math.floor(rand() * 4) }, () => (kind < 0.7 ? randomScalar(rand) : randomValue(rand, depth + 1)));
  }
  if (depth > 2) return randomScalar(rand);
  const obj: Record<string, unknown> = {};
  for (let j = Math.floor(rand() * 3); j >= 0; j--) obj[['k', 'ip', 'n', 'l', 'x'][Math.floor(rand() * 5)]] = randomValue(rand, depth + 1);
  return obj;
}

/** Seeded random documents over `keys` (mostly mapped, some unknown, dotted and nested). */
export function randomLines(count: number, seed: number, keys: string[] = KEYS): string[] {
  const rand = lcg(seed);
  const lines: string[] = [];
  for (let n = 0; n < count; n++) {
    const doc: Record<string, unknown> = {};
    for (let j = 1 + Math.floor(rand() * 5); j > 0; j--) doc[keys[Math.floor(rand() * keys.length)]] = randomValue(rand, 0);
    lines.push(JSON.stringify(doc, null, rand() < 0.1 ? 1 : undefined).replaceAll('\n', ' '));
  }
  return lines;
}

/** Realistic ECS endpoint lines, mostly alike (as an agent writes them), with some odd ones. */
export function ecsLines(count: number, seed: number): string[] {
  const rand = lcg(seed);
  const lines: string[] = [];
  for (let n = 0; n < count; n++) {
    const doc: Record<string, unknown> = {
      '@timestamp': new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
      event: { category: ['network'], type: ['start'], action: 'connection_attempted' },
      host: { name: `host-${n % 7}`, ip: ['10.1.2.3', 'fe80::1'], os: { type: rand() < 0.8 ? 'linux' : 'windows' } },
      process: { name: rand() < 0.5 ? 'curl' : 'sshd', pid: Math.floor(rand() * 60000), args: ['a', 'b'] },
      destination: { ip: rand() < 0.95 ? `8.8.${n % 256}.${Math.floor(rand() * 256)}` : 'bad-ip', port: 443 },
      user: { id: '0', name: 'root' },
    };
    if (rand() < 0.1) doc['data_stream.dataset'] = 'dotted';
    if (rand() < 0.1) (doc.process as Record<string, unknown>).pid = String((doc.process as Record<string, unknown>).pid);
    if (rand() < 0.1) doc.unknown_field = { nested: true };
    if (rand() < 0.05) (doc.host as Record<string, unknown>).ip = '10.9.9.9';
    lines.push(JSON.stringify(doc));
  }
  return lines;
}
