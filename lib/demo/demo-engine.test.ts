import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedEngine } from '../engine';
import { findHunt, loadDirectory, builtinHuntsDir } from '../hunts/catalogue';
import { runHuntQuery } from '../hunts/run/as-written';
import type { Hunt } from '../hunts/types';
import { openStore } from '../store';
import { expectedFindings, PLANTED, writeDemo } from './index';

const NOW = new Date('2026-01-08T12:00:00.000Z');

describe('the seed hunt over the demo week, through the store and the embedded engine', () => {
  let dataDir: string;
  let hunt: Hunt;
  const engine = () => createEmbeddedEngine({ dataDir, now: () => NOW });

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-demo-engine-'));
    const summary = await writeDemo(openStore(dataDir), { now: NOW, scale: 0.05 });
    expect(summary.indices.every((i) => i.rejected === 0)).toBe(true);
    const found = findHunt(await loadDirectory(builtinHuntsDir(), 'builtin'), 'low_volume_external_network_connections_from_process');
    if (!found) throw new Error('seed hunt missing from the builtin catalogue');
    hunt = found;
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    [1, 'allUsers'],
    [2, 'rootOnly'],
  ] as const)('query %i lists exactly the planted processes (%s), sorted by connection count', async (number, which) => {
    const e = engine();
    const result = await runHuntQuery(e, hunt, number, {});
    await e.close();
    if (!result.ok) throw new Error(result.error.message);
    const { columns, values } = result.response;
    expect(columns).toEqual([
      { name: 'connection_count', type: 'long' },
      { name: 'unique_agent_count', type: 'long' },
      { name: 'process.name', type: 'keyword' },
    ]);
    expect(values.map((row) => row[2]).sort()).toEqual(expectedFindings(which));
    for (const row of values) {
      const planted = PLANTED.find((p) => p.name === row[2])!;
      expect(row.slice(0, 2)).toEqual([planted.count, 1]);
    }
    const counts = values.map((row) => row[0] as number);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });
});
