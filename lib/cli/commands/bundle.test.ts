/** `huntboard bundle export|import` in-process, on the embedded engine over a demo store. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBundle } from '../../bundle/format';
import { listBundles } from '../../bundle/imported';
import { demoWeek, NOW, openWithBundles, tempDir, type DemoWeek } from '../../bundle/testing/fixture';
import { listRuns } from '../../appstate/runs';
import type { CliIo } from '../io';
import { main } from '../main';

function io(dataDir: string, backend?: DemoWeek['backend']): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: { HUNTBOARD_DATA_DIR: dataDir, HUNTBOARD_NOW: NOW.toISOString(), HUNTBOARD_HUNTS_DIR: '', HUNTBOARD_USER: 'lead-lee' },
    stdin: Readable.from(['']),
    // The fixture's engine, shared: the command's close() must not close it for the other tests.
    ...(backend ? { deps: { createBackend: () => ({ kind: backend.kind, query: (r) => backend.query(r), describe: () => backend.describe(), close: async () => undefined }) } } : {}),
    out: () => out,
    err: () => err,
  };
}

describe('huntboard bundle', () => {
  let src: DemoWeek;
  let work: string;
  let dest: string;
  let file: string;

  beforeAll(async () => {
    src = await demoWeek();
    work = tempDir('bundle-cli');
    dest = path.join(work, 'dest');
    file = path.join(work, 'week.huntboard.gz');
  }, 120_000);
  afterAll(async () => {
    await src.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it('exports the week of any day given to --out', async () => {
    const cli = io(src.dir, src.backend);
    expect(await main(['bundle', 'export', '--week', '2026-01-07', '--out', file], cli)).toBe(0);
    expect(cli.out()).toMatch(/week 2026-01-05, 2 runs, events of \d+ findings/);
    const decoded = decodeBundle(readFileSync(file));
    expect(decoded.ok && decoded.bundle.runs.map((r) => r.id)).toEqual(src.runIds);
  });

  it('imports the file into an empty Huntboard and says what it brought', async () => {
    const cli = io(dest);
    expect(await main(['bundle', 'import', file], cli)).toBe(0);
    expect(cli.out()).toMatch(/^Imported bundle #1 \(week\.huntboard\.gz\): week 2026-01-05 to 2026-01-12, from embedded /);
    // The runs keep their numbers; last week's run came along as the baseline of the first one's diff.
    const [first, second] = src.runIds;
    expect(cli.out()).toContain(`Runs: 2 (#${first} → #${first} low_volume_external_network_connections_from_process query 1, #${second} → #${second} low_volume_external_network_connections_from_process query 2).`);
    expect(cli.out()).toContain('Baselines (earlier runs the week\'s diffs compare with): 1 added.');
    const db = openWithBundles(dest);
    try {
      expect(listRuns(db)).toHaveLength(3);
      expect(listBundles(db)[0]).toMatchObject({ importedBy: 'lead-lee', importedAt: NOW.toISOString(), runIds: [1, first, second] });
    } finally {
      db.close();
    }
  });

  it('refuses the same file again, and a file that is not a bundle, changing nothing', async () => {
    const again = io(dest);
    expect(await main(['bundle', 'import', file], again)).toBe(1);
    expect(again.err()).toMatch(/already imported on 2026-01-08T12:00:00.000Z.*Nothing was imported/);
    const junk = path.join(work, 'junk.gz');
    writeFileSync(junk, 'hello');
    const bad = io(dest);
    expect(await main(['bundle', 'import', junk], bad)).toBe(1);
    expect(bad.err()).toMatch(/not gzip-compressed/);
    const missing = io(dest);
    expect(await main(['bundle', 'import', path.join(work, 'nope.gz')], missing)).toBe(1);
    expect(missing.err()).toMatch(/Cannot read/);
    const db = openWithBundles(dest);
    try {
      expect(listRuns(db)).toHaveLength(3);
    } finally {
      db.close();
    }
  });

  it('explains its usage', async () => {
    const noWeek = io(src.dir);
    expect(await main(['bundle', 'export'], noWeek)).toBe(2);
    expect(noWeek.err()).toMatch(/needs --week YYYY-MM-DD[\s\S]*Usage: huntboard bundle/);
    const badWeek = io(src.dir);
    expect(await main(['bundle', 'export', '--week', 'monday'], badWeek)).toBe(2);
    expect(badWeek.err()).toMatch(/YYYY-MM-DD/);
    const help = io(src.dir);
    expect(await main(['help', 'bundle'], help)).toBe(0);
    expect(help.out()).toMatch(/bundle import FILE/);
  });
});
