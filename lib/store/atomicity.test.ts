import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './index';
import { indexDir } from './layout';
import { readParts, tempDataDir } from './testing/helpers';
import type { SourceSnapshot } from './types';

const MAPPING = { properties: { '@timestamp': { type: 'date' }, n: { type: 'long' }, name: { type: 'keyword' } } };

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function* docs(count: number, from = 0) {
  for (let i = from; i < from + count; i++) yield { '@timestamp': 1767830400000 + i, n: i, name: `p${i % 7}` };
}

async function contents(dataDir: string): Promise<number[]> {
  const s = (await openStore(dataDir).resolve(['idx'])) as SourceSnapshot;
  expect(s.skipped).toEqual([]);
  return (await readParts(s.partFiles, 'n')).map((r) => Number(r.n));
}

async function seeded(): Promise<string> {
  const dataDir = tempDataDir();
  dirs.push(dataDir);
  await openStore(dataDir).ingestDocuments('idx', docs(10), { mapping: MAPPING });
  return dataDir;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('all-or-nothing ingest', () => {
  it('an injected failure after some parts leaves the index unchanged', async () => {
    const dataDir = await seeded();
    let parts = 0;
    const failing = openStore(dataDir, {
      partRows: 100,
      afterPart: () => {
        if (++parts === 3) throw new Error('disk full (injected)');
      },
    });
    await expect(failing.ingestDocuments('idx', docs(1000, 10))).rejects.toThrow('disk full (injected)');
    expect(await contents(dataDir)).toEqual(range(10));
    expect(readdirSync(path.join(indexDir(dataDir, 'idx'), 'parts'))).toHaveLength(1);
    expect(existsSync(path.join(indexDir(dataDir, 'idx'), '.lock'))).toBe(false);
    // the index still takes writes afterwards
    await openStore(dataDir).ingestDocuments('idx', docs(5, 10));
    expect(await contents(dataDir)).toEqual(range(15));
  });

  it('a reader during an ingest sees the old snapshot until the commit', async () => {
    const dataDir = await seeded();
    const seen: number[][] = [];
    const writer = openStore(dataDir, {
      partRows: 100,
      afterPart: async () => {
        seen.push(await contents(dataDir));
      },
    });
    await writer.ingestDocuments('idx', docs(250, 10));
    expect(seen).toEqual([range(10), range(10), range(10)]);
    expect(await contents(dataDir)).toEqual(range(260));
  });

  it('concurrent writers to one index are serialised by the lock', async () => {
    const dataDir = await seeded();
    const store = openStore(dataDir, { partRows: 50 });
    await Promise.all([store.ingestDocuments('idx', docs(120, 10)), store.ingestDocuments('idx', docs(80, 130))]);
    expect(await contents(dataDir)).toEqual(range(210));
  });

  it('a killed ingest process leaves no visible part and no lock that blocks the next writer', async () => {
    const dataDir = await seeded();
    const script = path.join(dataDir, 'ingest-child.mts');
    const storeUrl = pathToFileURL(path.join(__dirname, 'index.ts')).href;
    writeFileSync(
      script,
      `import { openStore } from ${JSON.stringify(storeUrl)};
const store = openStore(${JSON.stringify(dataDir)}, { partRows: 200, afterPart: () => { process.stdout.write('part\\n'); } });
function* docs() { for (let i = 10; i < 10_000_000; i++) yield { '@timestamp': 1767830400000 + i, n: i, name: 'x' }; }
await store.ingestDocuments('idx', docs());
process.stdout.write('done\\n');
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: path.join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killedAfterParts = await new Promise<number>((resolve, reject) => {
      let parts = 0;
      child.stdout.on('data', (d: Buffer) => {
        parts += d.toString().split('part').length - 1;
        if (parts >= 2) {
          child.kill('SIGKILL');
          resolve(parts);
        }
      });
      child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
    });
    await new Promise((r) => child.on('close', r));
    expect(killedAfterParts).toBeGreaterThanOrEqual(2);
    // the dead writer left its lock and temp parts behind: invisible to readers
    expect(existsSync(path.join(indexDir(dataDir, 'idx'), '.lock'))).toBe(true);
    expect(readdirSync(path.join(indexDir(dataDir, 'idx'), 'parts')).length).toBeGreaterThan(1);
    expect(await contents(dataDir)).toEqual(range(10));
    expect((await openStore(dataDir).listIndices())[0]).toMatchObject({ name: 'idx', docCount: 10, partCount: 1 });
    // the next writer takes the stale lock over and cleans the leftovers
    await openStore(dataDir).ingestDocuments('idx', docs(3, 10));
    expect(await contents(dataDir)).toEqual(range(13));
    expect(readdirSync(path.join(indexDir(dataDir, 'idx'), 'parts'))).toHaveLength(2);
  }, 30_000);
});
