/**
 * The native ingest must store exactly what the JS path stores: the same rows in the same parts
 * (values, column types, line order), the same rejections with the same reasons, the same mapping.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expectSame, removeFidelityDirs } from './fidelity-check';
import { ALL_TYPES_MAPPING, ecsLines, PROBE_LINES, randomLines } from './fidelity-lines';

afterEach(removeFidelityDirs);

describe('native ingest stores what the JS path stores', () => {
  it('probe lines under an explicit mapping of every type', async () => {
    const js = await expectSame('probe', [PROBE_LINES], { mapping: ALL_TYPES_MAPPING });
    expect(js.reports[0].rejected).toBeGreaterThan(20);
    expect(js.reports[0].stored).toBeGreaterThan(40);
  });

  it('probe lines under a dynamic mapping, in two ingests', async () => {
    await expectSame('dyn', [PROBE_LINES.slice(0, 40), PROBE_LINES.slice(40)]);
  });

  it('probe lines and realistic events under ECS (logs-*)', async () => {
    const js = await expectSame('logs-endpoint.events.network-default', [ecsLines(200, 3), PROBE_LINES.map((l) => l.replaceAll('"k"', '"process.name"'))]);
    expect(js.reports[0].stored).toBeGreaterThan(150);
    expect(js.reports[0].rejected).toBeGreaterThan(0);
  });

  it('seeded random documents, three mappings, batch sizes from 1 to 1000', async () => {
    for (const [seed, batch] of [
      [1, 1],
      [2, 5],
      [3, 64],
      [4, 1000],
    ]) {
      const lines = randomLines(300, seed);
      await expectSame('rand', [lines], { mapping: ALL_TYPES_MAPPING }, batch);
      await expectSame('rand-dyn', [lines], {}, batch);
      await expectSame('logs-rand', [lines.map((l) => l.replaceAll('"k"', '"host.name"').replaceAll('"ip"', '"source.ip"'))], {}, batch);
    }
  }, 120_000);
});
