import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppState } from '../../appstate/db';
import { listRuns } from '../../appstate/runs';
import { nestedParens, orChain, pipes } from '../../esql/testing';
import { huntToml, tempHuntsDir } from '../../hunts/testing/fixtures';
import { main } from '../main';
import { testIo } from '../testing/io';

const SEED = 'low_volume_external_network_connections_from_process';

function library(): string {
  return tempHuntsDir({
    'linux/queries/mixed.toml': huntToml({
      name: 'Mixed bag',
      language: ['ES|QL', 'SQL'],
      queries: ['SELECT * FROM users;\n', 'sql\nfrom logs-endpoint.events.file-*\n| where true\n', 'from logs-* | limit 1\n'],
    }),
    'aws/queries/broken.toml': 'not toml at all = = =\n',
    'windows/queries/extra_key.toml': huntToml({ name: 'Extra key', extra: 'severity = "high"\n' }),
  });
}

describe('huntboard hunts list', () => {
  it('lists builtin and folder hunts with languages, query counts and a broken marker', async () => {
    const io = testIo({ env: { HUNTBOARD_HUNTS_DIR: library() } });
    expect(await main(['hunts', 'list'], io)).toBe(0);
    const lines = io.out().split('\n');
    expect(lines[0]).toMatch(/^\s+id\s+\|\s+platform\s+\|\s+name\s+\|\s+languages\s+\|\s+queries\s+\|\s+status\s+$/);
    const seed = lines.find((l) => l.startsWith(SEED));
    expect(seed).toMatch(/\|linux\s+\|Low Volume External Network Connections from Process by Unique Agent\|ES\|QL\s+\|2\s+\|\s+$/);
    expect(lines.find((l) => l.startsWith('mixed '))).toMatch(/\|ES\|QL, SQL\s+\|3\s+\|broken \(1\)\s*$/);
    expect(io.err()).toMatch(/^Warning: aws\/queries\/broken.toml: invalid TOML/m);
    expect(io.err()).toMatch(/^Warning: windows\/queries\/extra_key.toml: unknown key \[severity\]/m);
  });
});

describe('huntboard hunts show', () => {
  it('shows metadata, MITRE, notes and numbered queries with their status', async () => {
    const io = testIo();
    expect(await main(['hunts', 'show', SEED], io)).toBe(0);
    const out = io.out();
    expect(out).toMatch(/^Low Volume External Network Connections from Process by Unique Agent\n/);
    expect(out).toContain('uuid:        12526f14-5e35-4f5f-884c-96c6a353a544');
    expect(out).toContain('MITRE:       T1071.001, T1071.004');
    expect(out).toContain('Notes:\n  - Monitors for network connections');
    expect(out).toContain('Query 1 (ES|QL, parses):\n    from logs-endpoint.events.network-*\n');
    expect(out).toContain('Query 2 (ES|QL, parses):');
  });

  it('shows the parse error and language of each query', async () => {
    const io = testIo({ env: { HUNTBOARD_HUNTS_DIR: library() } });
    expect(await main(['hunts', 'show', 'mixed'], io)).toBe(0);
    expect(io.out()).toContain('Query 1 (OSQuery SQL, not run):');
    expect(io.out()).toMatch(/Query 2 \(ES\|QL, does not parse: line 1:\d+: [^\n]+\):\n    sql\n/);
  });

  it('escapes control characters and bidi overrides from a hostile hunt file', async () => {
    const dir = tempHuntsDir({ 'x/queries/evil.toml': huntToml({ name: 'Evil \\u202egnp\\u001b[2J' }) });
    const io = testIo({ env: { HUNTBOARD_HUNTS_DIR: dir } });
    expect(await main(['hunts', 'show', 'evil'], io)).toBe(0);
    expect(io.out()).toMatch(/^Evil \\u202egnp\\x1b\[2J\n/);
    expect(io.out()).not.toMatch(/[\u202e\x1b]/);
  });

  it('exits 1 for an unknown id', async () => {
    const io = testIo();
    expect(await main(['hunts', 'show', 'nope'], io)).toBe(1);
    expect(io.err()).toMatch(/^Unknown hunt \[nope\]/);
  });
});

describe('huntboard hunts run', () => {
  const ok = { ok: true as const, response: { columns: [{ name: 'n', type: 'long' }], values: [[1]], warnings: [], took: 1, is_partial: false } };

  it('runs one query with --query, --now and --format json', async () => {
    const io = testIo({ result: ok });
    expect(await main(['hunts', 'run', SEED, '--query', '2', '--now', '2026-01-08T00:00:00Z', '--format', 'json'], io)).toBe(0);
    expect(io.requests).toHaveLength(1);
    expect(io.requests[0].query).toContain('and user.id == "0" and not process.name is null');
    expect(io.requests[0].now?.toISOString()).toBe('2026-01-08T00:00:00.000Z');
    expect(JSON.parse(io.out())).toMatchObject({ columns: [{ name: 'n', type: 'long' }], values: [[1]] });
  });

  it('runs every ES|QL query when no --query is given, with a header per query', async () => {
    const io = testIo({ result: ok });
    expect(await main(['hunts', 'run', SEED], io)).toBe(0);
    expect(io.requests).toHaveLength(2);
    expect(io.out()).toMatch(new RegExp(`^# ${SEED} query 1\\n`));
    expect(io.out()).toContain(`\n# ${SEED} query 2\n`);
  });

  it('reports a broken query without sending it, and keeps running the others', async () => {
    const io = testIo({ result: ok, env: { HUNTBOARD_HUNTS_DIR: library() } });
    expect(await main(['hunts', 'run', 'mixed', '--format', 'csv'], io)).toBe(1);
    expect(io.requests.map((r) => r.query)).toEqual(['from logs-* | limit 1\n']);
    expect(io.err()).toMatch(/# mixed query 2\nline 1:\d+: .+\n# mixed query 3\n/);
    expect(io.out()).toBe('n\r\n1\r\n');
  });

  it('--save keeps each run in the app state, failures included, and --all runs every hunt', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-cli-save-'));
    try {
      const io = testIo({ result: ok, env: { HUNTBOARD_DATA_DIR: dataDir, HUNTBOARD_HUNTS_DIR: library() } });
      expect(await main(['hunts', 'run', SEED, '--save', '--now', '2026-01-08T12:00:00Z', '--format', 'csv'], io)).toBe(0);
      expect(io.err()).toMatch(/Saved run #1 \(1 rows\)\.\n[\s\S]*Saved run #2 \(1 rows\)\./);
      const all = testIo({ result: ok, env: { HUNTBOARD_DATA_DIR: dataDir, HUNTBOARD_HUNTS_DIR: library() } });
      expect(await main(['hunts', 'run', '--all', '--save', '--now', '2026-01-08T12:00:00Z', '--format', 'csv'], all)).toBe(1);
      const db = openAppState(dataDir);
      try {
        const runs = listRuns(db, { limit: 1000 });
        const seedRuns = runs.filter((r) => r.huntId === SEED);
        expect(seedRuns).toHaveLength(4);
        expect(seedRuns[0]).toMatchObject({ trigger: 'cli', status: 'ok', rowCount: 1, window: { id: '7d', from: '2026-01-01T12:00:00.000Z', to: '2026-01-08T12:00:00.000Z' } });
        const broken = runs.find((r) => r.huntId === 'mixed' && r.queryNumber === 2);
        expect(broken).toMatchObject({ status: 'failed', error: { kind: 'parsing' } });
        // Every ES|QL query of every hunt ran once in the --all pass.
        expect(runs.length - 2).toBe(all.err().match(/Saved run #/g)?.length);
      } finally {
        db.close();
      }
      expect(await main(['hunts', 'run', SEED, '--all'], testIo())).toBe(2);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses an OSQuery query', async () => {
    const io = testIo({ env: { HUNTBOARD_HUNTS_DIR: library() } });
    expect(await main(['hunts', 'run', 'mixed', '--query', '1'], io)).toBe(1);
    expect(io.err()).toMatch(/Query 1 of hunt \[mixed\] is OSQuery SQL; only ES\|QL queries can be run\./);
  });
});

describe('huntboard hunts check', () => {
  it('prints FILE#N line:col message per error, load problems, and a summary; exit 1', async () => {
    const dir = library();
    const io = testIo();
    expect(await main(['hunts', 'check', dir], io)).toBe(1);
    const lines = io.out().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^aws\/queries\/broken.toml invalid TOML: /);
    expect(lines[1]).toMatch(/^linux\/queries\/mixed.toml#2 1:\d+ \S/);
    expect(lines).toContain("windows/queries/extra_key.toml unknown key [severity] in [hunt] ignored (Elastic's loader rejects it)");
    expect(lines[lines.length - 1]).toBe(`2 hunts, 3 ES|QL queries, ${lines.length - 1} errors`);
  });

  it('flags queries nested past the limits with FILE#N line:col, a 10,000-term OR chain among them (a cluster refuses it)', async () => {
    const dir = tempHuntsDir({
      'linux/queries/or_chain.toml': huntToml({ queries: [orChain(10_000)] }),
      'linux/queries/deep.toml': huntToml({ queries: ['from logs-* | limit 1\n', nestedParens(5_000), pipes(5_000)] }),
    });
    const io = testIo();
    expect(await main(['hunts', 'check', dir], io)).toBe(1);
    expect(io.out().trimEnd().split('\n')).toEqual([
      'linux/queries/deep.toml#2 1:448 ESQL statement exceeded the maximum expression depth allowed (400)',
      'linux/queries/deep.toml#3 502:1 ESQL statement exceeded the maximum query depth allowed (500)',
      'linux/queries/or_chain.toml#1 1:45 ESQL statement exceeded the maximum expression depth allowed (400)',
      '2 hunts, 4 ES|QL queries, 3 errors',
    ]);
  }, 30_000);

  it('checks the builtin hunts by default and exits 0 when all parse', async () => {
    const io = testIo();
    expect(await main(['hunts', 'check'], io)).toBe(0);
    expect(io.out()).toBe('1 hunts, 2 ES|QL queries, 0 errors\n');
  });

  it('uses HUNTBOARD_HUNTS_DIR by default, and rejects a missing DIR', async () => {
    const clean = tempHuntsDir({ 'linux/queries/a.toml': huntToml() });
    const io = testIo({ env: { HUNTBOARD_HUNTS_DIR: clean } });
    expect(await main(['hunts', 'check'], io)).toBe(0);
    expect(io.out()).toBe('1 hunts, 1 ES|QL queries, 0 errors\n');
    expect(await main(['hunts', 'check', '/nonexistent/hunts'], testIo())).toBe(2);
  });

  it('prints hunts usage for no subcommand (exit 2) and --help (exit 0)', async () => {
    const io = testIo();
    expect(await main(['hunts'], io)).toBe(2);
    expect(await main(['hunts', 'list', '--help'], testIo())).toBe(0);
    expect(await main(['hunts', 'frob'], testIo())).toBe(2);
  });
});
