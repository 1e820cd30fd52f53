/**
 * The native reader must store exactly what the reference path stores: the same rejections with
 * the same reasons, the same mapping, the same rows in line order (from lines and from bytes).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expectAllPathsAgree, removePathDirs, type IngestPath } from '../testing/ingest-paths';
import { ALL_TYPES_MAPPING, ecsLines, PROBE_LINES, randomLines } from '../testing/fidelity-lines';

afterEach(removePathDirs);

const NATIVE: IngestPath[] = ['native-lines', 'native-chunks'];

describe('the native reader stores what the reference path stores', () => {
  it('probe lines under an explicit mapping of every type', async () => {
    const js = await expectAllPathsAgree('probe', [PROBE_LINES], { mapping: ALL_TYPES_MAPPING }, {}, NATIVE);
    expect(js.reports[0].rejected).toBeGreaterThan(20);
    expect(js.reports[0].stored).toBeGreaterThan(40);
  });

  it('probe lines under a dynamic mapping, in two ingests', async () => {
    await expectAllPathsAgree('dyn', [PROBE_LINES.slice(0, 40), PROBE_LINES.slice(40)], {}, {}, NATIVE);
  });

  it('probe lines and realistic events under ECS (logs-*)', async () => {
    const js = await expectAllPathsAgree('logs-endpoint.events.network-default', [ecsLines(200, 3), PROBE_LINES.map((l) => l.replaceAll('"k"', '"process.name"'))], {}, {}, NATIVE);
    expect(js.reports[0].stored).toBeGreaterThan(150);
    expect(js.reports[0].rejected).toBeGreaterThan(0);
  });

  it('an empty object at a path an earlier line of the same batch maps as a field', async () => {
    // the reader surveys a batch against the mapping it started with; the JS path reads the
    // earlier lines first and may have made the path a leaf, where an object is refused
    const lines = ['{"x":1}', '{"x":{}}', '{"x":[{}]}', '{"y":{"z":[]}}', '{"y":"now a leaf"}', '{"x":2}'];
    const js = await expectAllPathsAgree('grow', [lines], {}, { batchLines: 100, partRows: 100 }, NATIVE);
    expect(js.reports[0].rejections.map((r) => r.line)).toEqual([2, 3]);
    const ecs = ['{"process":{"name":"a"}}', '{"process":{"name":{}}}', '{"process":{"name":"b"}}'];
    const logs = await expectAllPathsAgree('logs-grow', [ecs], {}, { batchLines: 100, partRows: 100 }, NATIVE);
    expect(logs.reports[0].rejections.map((r) => r.line)).toEqual([2]);
  });

  it('seeded random documents, three mappings, batch sizes from 1 to 1000', async () => {
    // a batch is a part: one-line batches write a part per line, so they get fewer lines
    for (const [seed, batchLines, count, partRows] of [
      [1, 1, 40, 13],
      [2, 5, 200, 13],
      [3, 64, 300, 50],
      [4, 1000, 300, 1000],
    ]) {
      const lines = randomLines(count, seed);
      await expectAllPathsAgree('rand', [lines], { mapping: ALL_TYPES_MAPPING }, { batchLines, partRows }, NATIVE);
      await expectAllPathsAgree('rand-dyn', [lines], {}, { batchLines, partRows }, NATIVE);
      await expectAllPathsAgree('logs-rand', [lines.map((l) => l.replaceAll('"k"', '"host.name"').replaceAll('"ip"', '"source.ip"'))], {}, { batchLines, partRows }, NATIVE);
    }
  }, 120_000);
});
