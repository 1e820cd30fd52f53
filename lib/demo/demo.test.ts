import { describe, expect, it } from 'vitest';
import { parseCidr, parseIp } from '../model/ip';
import { DEMO_INDICES, demoDocuments, demoMapping, expectedFindings, PLANTED } from './index';

const NOW = new Date('2026-01-08T12:00:00.000Z');
const WEEK = 7 * 86_400_000;

/** The seed query's CIDR list, verbatim (lib/hunts/builtin/linux/low_volume_external_network_connections_from_process.toml). */
const EXCLUDED = ['10.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.0.0/29', '192.0.0.8/32', '192.0.0.9/32', '192.0.0.10/32', '192.0.0.170/32', '192.0.0.171/32', '192.0.2.0/24', '192.31.196.0/24', '192.52.193.0/24', '192.168.0.0/16', '192.88.99.0/24', '224.0.0.0/4', '100.64.0.0/10', '192.175.48.0/24', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '240.0.0.0/4', '::1', 'FE80::/10', 'FF00::/8'];

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A plain TypeScript reading of the seed hunt over generated documents: an oracle independent of
 * the engine, so the demo's design can be checked without DuckDB.
 */
function seedHunt(docs: Iterable<Doc>, rootOnly: boolean): Map<string, { count: number; agents: number }> {
  const ranges = EXCLUDED.map((block) => {
    const range = parseCidr(block);
    if ('error' in range) throw new Error(range.error);
    return range;
  });
  const groups = new Map<string, { count: number; agents: Set<string> }>();
  for (const doc of docs) {
    if (Date.parse(doc['@timestamp']) <= NOW.getTime() - WEEK) continue;
    const categories = doc.event.category;
    const types = doc.event.type;
    if (doc.host.os.type !== 'linux' || categories.length !== 1 || categories[0] !== 'network') continue;
    if (types.length !== 1 || types[0] !== 'start' || doc.event.action !== 'connection_attempted') continue;
    if (rootOnly && doc.user.id !== '0') continue;
    const name = doc.process.name;
    if (name === undefined) continue;
    const ip = parseIp(doc.destination.ip);
    if (ip === undefined) continue;
    if (ranges.some((r) => ip >= r.lo && ip <= r.hi)) continue;
    const group = groups.get(name) ?? { count: 0, agents: new Set<string>() };
    group.count++;
    group.agents.add(doc.agent.id);
    groups.set(name, group);
  }
  const result = new Map<string, { count: number; agents: number }>();
  for (const [name, g] of groups) if (g.count <= 5 && g.agents.size === 1) result.set(name, { count: g.count, agents: g.agents.size });
  return result;
}

describe('demo world', () => {
  it('is deterministic: the same options give the same documents', () => {
    const take = (n: number) => {
      const out: Doc[] = [];
      for (const doc of demoDocuments({ now: NOW, scale: 0.01 })[DEMO_INDICES.network]) {
        out.push(doc);
        if (out.length === n) break;
      }
      return JSON.stringify(out);
    };
    expect(take(500)).toBe(take(500));
  });

  it.each([0.01, 0.2])('at scale %s the seed hunt finds exactly the planted processes', (scale) => {
    const docs = [...demoDocuments({ now: NOW, scale })[DEMO_INDICES.network]] as Doc[];
    const all = seedHunt(docs, false);
    const root = seedHunt(docs, true);
    expect([...all.keys()].sort()).toEqual(expectedFindings('allUsers'));
    expect([...root.keys()].sort()).toEqual(expectedFindings('rootOnly'));
    for (const planted of PLANTED.filter((p) => p.expected.allUsers)) {
      expect(all.get(planted.name)).toEqual({ count: planted.count, agents: 1 });
    }
  });

  it('plants findings as root and as other users, decoys for every exclusion, and hostile names', () => {
    expect(expectedFindings('rootOnly').length).toBeGreaterThanOrEqual(4);
    expect(expectedFindings('allUsers').length).toBeGreaterThan(expectedFindings('rootOnly').length);
    expect(new Set(PLANTED.filter((p) => !p.expected.allUsers).map((p) => p.variant))).toEqual(
      new Set(['attempted', 'outside-window', 'accepted-only', 'disconnect-only', 'dns-only', 'null-name']),
    );
    const names = expectedFindings('allUsers').join('\n');
    expect(names).toContain('<img');
    expect(names).toMatch(/^=HYPERLINK/m);
    expect(names).toContain('\u202E');
    expect(names).toMatch(/\u0007/);
  });

  it('generates two weeks with recurring, new and gone findings', () => {
    const docs = [...demoDocuments({ now: NOW, scale: 0.01, weeks: 2 })[DEMO_INDICES.network]] as Doc[];
    const lastWeek = new Set(docs.filter((d) => Date.parse(d['@timestamp']) <= NOW.getTime() - WEEK).map((d) => d.process.name));
    expect(lastWeek.has('kworkerds')).toBe(true); // recurring
    expect(lastWeek.has('xmrig-lite')).toBe(true); // gone this week
    expect(lastWeek.has('sshd-helper')).toBe(false); // new this week
  });

  it('maps every field the generators write', () => {
    const mapping = demoMapping();
    const leaves = new Set<string>();
    const visit = (props: Record<string, any>, prefix: string) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      for (const [key, value] of Object.entries(props)) {
        if (value.properties) visit(value.properties, `${prefix}${key}.`);
        else leaves.add(prefix + key);
      }
    };
    visit(mapping.properties, '');
    const flatten = (doc: Doc, prefix: string, out: string[]) => {
      for (const [key, value] of Object.entries(doc)) {
        if (value && typeof value === 'object' && !Array.isArray(value)) flatten(value, `${prefix}${key}.`, out);
        else out.push(prefix + key);
      }
      return out;
    };
    for (const [index, documents] of Object.entries(demoDocuments({ now: NOW, scale: 0.002 }))) {
      const first = documents[Symbol.iterator]().next().value as Doc;
      const unmapped = flatten(first, '', []).filter((f) => !leaves.has(f));
      expect(unmapped, index).toEqual([]);
    }
  });
});
