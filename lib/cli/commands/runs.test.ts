import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetBackend } from '../../backends';
import type { CliIo } from '../io';
import { main } from '../main';

const SEED = 'low_volume_external_network_connections_from_process';
const NOW = '2026-01-08T12:00:00.000Z';
const WEEK_AGO = '2026-01-01T12:00:00.000Z';

/** A CLI on the real store, engine and app state of `dataDir`. */
function realIo(dataDir: string): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: { HUNTBOARD_DATA_DIR: dataDir, HUNTBOARD_NOW: NOW },
    stdin: Readable.from(['']),
    out: () => out,
    err: () => err,
  };
}

describe('huntboard runs: two demo weeks give new, recurring and gone findings', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-runs-'));
    expect(await main(['demo', '--weeks', '2', '--scale', '0.05', '--now', NOW], realIo(dataDir))).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await resetBackend();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('saves last week’s and this week’s runs and diffs them', async () => {
    // Last week as it was then: its window's upper bound matters, since later events exist now.
    const week = (from: string, to: string) => ['hunts', 'run', SEED, '--query', '1', '--save', '--from', from, '--to', to, '--format', 'csv'];
    expect(await main(week('2025-12-25T12:00:00Z', WEEK_AGO), realIo(dataDir))).toBe(0);
    expect(await main(week(WEEK_AGO, NOW), realIo(dataDir))).toBe(0);
    const listed = realIo(dataDir);
    expect(await main(['runs', 'list'], listed)).toBe(0);
    expect(listed.out()).toMatch(/^\s*id\s*\|\s*started/);
    expect(listed.out()).toContain('2025-12-25T12:00:00.000Z to 2026-01-01T12:00:00.000Z|ok');

    const io = realIo(dataDir);
    expect(await main(['runs', 'diff', '2'], io)).toBe(0);
    expect(io.err()).toBe('Run #2 against run #1 (and 0 earlier).\n');
    const line = (name: string) => io.out().split('\n').find((l) => l.includes(`|${name} `) || l.endsWith(`|${name}`)) ?? '';
    expect(line('kworkerds')).toMatch(/^recurring\s*\|2 /);
    expect(line('update-notifier2')).toMatch(/^recurring\s*\|2 /);
    expect(line('sshd-helper')).toMatch(/^new\s*\|1 /);
    expect(line('xmrig-lite')).toMatch(/^gone\s*\|1 /);
    expect(io.out()).toContain('\\u202egnp.sh');

    const missing = realIo(dataDir);
    expect(await main(['runs', 'diff', '99'], missing)).toBe(1);
    expect(missing.err()).toContain('No saved run #99');
  }, 60_000);
});
