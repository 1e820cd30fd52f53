/**
 * Every ingest path — the reference path and the native reader, each from string lines, from
 * stdin-like chunks and from a file — over the same inputs must give the same report (stored,
 * rejections with line numbers and reasons), the same mapping and the same rows in line order;
 * and stored + rejected is always every non-blank line read. Issue 13: the removed DuckDB path
 * lost whole stretches of its input; a deeply nested line aborted the whole ingest.
 */
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './index';
import { indexDir } from './layout';
import { lockIndex } from './lock';
import type { IngestReport } from './types';
import { MAPPING_DEPTH_LIMIT, MAX_NESTING_DEPTH } from './documents';
import { expectAllPathsAgree, removePathDirs } from './testing/ingest-paths';
import { tempDataDir } from './testing/helpers';
import { deepArrayLine, deepObjectLine, noisyLines } from './testing/deep-lines';
import { ALL_TYPES_MAPPING, randomLines } from './testing/fidelity-lines';

afterEach(removePathDirs);

const NOT_DYNAMIC = { mapping: { dynamic: false, properties: { n: { type: 'long' }, k: { type: 'keyword' } } } };
const TOO_DEEP = `Document nesting depth (${MAX_NESTING_DEPTH + 1}) exceeds the maximum allowed (${MAX_NESTING_DEPTH})`;

describe('every ingest path stores the same thing', () => {
  it('seeded random files with blank lines, CRLF and deep lines, under three mappings', async () => {
    for (const seed of [11, 12]) {
      const lines = noisyLines(randomLines(150, seed), seed);
      await expectAllPathsAgree('rand', [lines], { mapping: ALL_TYPES_MAPPING });
      await expectAllPathsAgree('rand-dyn', [lines], {}, { batchLines: 16, partRows: 40 });
      await expectAllPathsAgree('logs-rand', [lines.map((l) => l.replaceAll('"k"', '"host.name"'))], {}, { batchLines: 50, partRows: 50 });
    }
  }, 60_000);

  it('small files: one to three lines, with and without a last line break', async () => {
    const docs = ['{"n":1,"k":"a"}', '{"n":2,"k":"b"}', 'not json'];
    for (const [count, finalBreak] of [
      [1, true],
      [1, false],
      [2, true],
      [3, false],
    ] as const) {
      const js = await expectAllPathsAgree('small', [docs.slice(0, count)], NOT_DYNAMIC, { finalBreak });
      expect(js.reports[0].stored + js.reports[0].rejected).toBe(count);
    }
  }, 30_000);

  it('a file of many batches and parts loses no line at any boundary', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => (i % 101 === 7 ? '{"n":"x"}' : `{"n":${i},"k":"p${i % 13}"}`));
    const js = await expectAllPathsAgree('many', [lines], NOT_DYNAMIC, { batchLines: 64, partRows: 250 });
    expect(js.reports[0].stored).toBe(990);
    expect(js.reports[0].rejected).toBe(10);
  }, 30_000);

  it('lines longer than a batch', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ n: i, k: 'v'.repeat((i * 97) % 3000) }));
    const js = await expectAllPathsAgree('long', [lines], NOT_DYNAMIC, { batchBytes: 256, batchLines: 8, partRows: 16 });
    expect(js.reports[0].stored).toBe(40);
  }, 30_000);

  it('a line of 8 MiB keeps the lines around it', async () => {
    const huge = JSON.stringify({ n: 3, k: 'h'.repeat(8 * 2 ** 20) });
    const lines = ['{"n":1,"k":"a"}', '{"n":2,"k":"b"}', huge, '{"n":4,"k":"c"}'];
    const js = await expectAllPathsAgree('huge', [lines], NOT_DYNAMIC, { batchBytes: 2 ** 20 });
    expect(js.reports[0]).toMatchObject({ stored: 4, rejected: 0 });
    expect(js.parts.flatMap((p) => p.rows).map((r) => Number(r.n))).toEqual([1, 2, 3, 4]);
  }, 60_000);
});

describe("a document's own _id", () => {
  const lines = Array.from({ length: 60 }, (_, i) =>
    i % 7 === 3 ? `{"_id":"doc-${i}","n":${i},"k":"a"}` : i % 11 === 5 ? `{"\\u005fid":"esc-${i}","n":${i}}` : i === 20 ? '{"_id":"","n":20}' : `{"n":${i},"k":"b"}`,
  );

  it('is kept in the part (never mapped), whichever path reads it; an empty one is refused', async () => {
    for (const [label, options] of [['ids', NOT_DYNAMIC], ['ids-dyn', {}]] as const) {
      const js = await expectAllPathsAgree(label, [lines], options, { batchLines: 16, partRows: 25 });
      expect(js.reports[0].rejections).toEqual([{ line: 21, reason: 'if _id is specified it must not be empty' }]);
      const ids = js.parts.flatMap((p) => p.rows).flatMap((r) => (r._id === null || r._id === undefined ? [] : [r._id]));
      const want = Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? [`doc-${i}`] : i % 11 === 5 ? [`esc-${i}`] : [])).flat();
      expect(ids).toEqual(want);
      expect(JSON.stringify(js.mapping)).not.toContain('_id');
    }
  }, 60_000);
});

describe('deep nesting', () => {
  const lines = [
    '{"n":1}',
    deepObjectLine(2, 3000),
    '{"n":3}',
    deepArrayLine(4, 3000),
    deepObjectLine(5, MAX_NESTING_DEPTH),
    deepObjectLine(6, MAX_NESTING_DEPTH + 1),
    deepArrayLine(7, MAX_NESTING_DEPTH + 1),
    '{"n":8}',
  ];

  it('a line nested deeper than Elasticsearch parses is one rejected line; the rest is stored', async () => {
    const js = await expectAllPathsAgree('deep', [lines], NOT_DYNAMIC);
    expect(js.reports[0].rejections).toEqual([2, 4, 6, 7].map((line) => ({ line, reason: TOO_DEEP })));
    expect(js.parts.flatMap((p) => p.rows).map((r) => Number(r.n))).toEqual([1, 3, 5, 8]);
  }, 30_000);

  it('under ECS, as under any mapping that is not dynamic', async () => {
    const js = await expectAllPathsAgree('logs-deep', [lines.map((l) => l.replace('"n":', '"process.pid":'))]);
    expect(js.reports[0]).toMatchObject({ stored: 4, rejected: 4 });
  }, 30_000);

  it('a dynamic mapping refuses objects deeper than its depth limit, as Elasticsearch does', async () => {
    const shallow = deepObjectLine(2, MAPPING_DEPTH_LIMIT);
    const js = await expectAllPathsAgree('deep-dyn', [[...lines, shallow]]);
    const tooDeepObject = `[d${'.a'.repeat(MAPPING_DEPTH_LIMIT - 1)}]`;
    expect(js.reports[0].rejections).toEqual([
      { line: 2, reason: TOO_DEEP },
      { line: 4, reason: TOO_DEEP },
      { line: 5, reason: `Limit of mapping depth [${MAPPING_DEPTH_LIMIT}] has been exceeded due to object field ${tooDeepObject}` },
      { line: 6, reason: TOO_DEEP },
      { line: 7, reason: TOO_DEEP },
    ]);
    // nineteen objects below the document: the deepest a dynamic mapping makes
    expect(js.reports[0].stored).toBe(4);
    expect(JSON.stringify(js.mapping)).toContain('"a":{"properties":{"a":{"type":"long"}}}');
  }, 30_000);
});

describe('unsigned_long values up to 2^64-1', () => {
  const UL = { mapping: { dynamic: false, properties: { u: { type: 'unsigned_long' }, k: { type: 'keyword' } } } };
  // bare JSON numbers past 2^53, their text, fractions, a multi-value, a value out of range and a negative one
  const lines = [
    '{"u":18446744073709551614,"k":"a"}',
    '{"u":"18446744073709551615","k":"b"}',
    '{"u":9223372036854775808}',
    '{"u":[18446744073709551615,0,9223372036854775807]}',
    '{"u":12.7}',
    '{"u":"18446744073709551614.5"}',
    '{"u":18446744073709551616}',
    '{"u":-1}',
    '{"u":1,"k":"12345678901234567890"}',
  ];

  it('are stored exactly by every path, never through a double', async () => {
    const js = await expectAllPathsAgree('ul', [lines], UL, { batchLines: 4, partRows: 5 });
    expect(js.reports[0]).toMatchObject({ stored: 7, rejected: 2 });
    expect(js.reports[0].rejections.map((r) => r.line)).toEqual([7, 8]);
    const values = js.parts.flatMap((p) => p.rows).map((r) => r.u ?? r['u#mv']);
    expect(values).toEqual([
      '18446744073709551614',
      '18446744073709551615',
      '9223372036854775808',
      ['0', '9223372036854775807', '18446744073709551615'],
      '12',
      '18446744073709551614',
      '1',
    ]);
  }, 30_000);
});

describe('an ingest that waits for its index lock', () => {
  const text = Array.from({ length: 5000 }, (_, i) => `{"n":${i}}`).join('\n') + '\n';

  /** Runs `ingest` while another ingest holds the index for a while, as two concurrent ingests do. */
  async function behindAnotherIngest(dataDir: string, ingest: () => Promise<IngestReport>): Promise<IngestReport> {
    await openStore(dataDir).ingestLines('wait', [], NOT_DYNAMIC);
    const held = await lockIndex(indexDir(dataDir, 'wait'));
    const report = ingest();
    await new Promise((r) => setTimeout(r, 150));
    held.release();
    // an ingest that lost its input's end would never settle (the CLI's exit code 13)
    let timer: NodeJS.Timeout | undefined;
    const never = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the ingest never settled')), 15_000)));
    return Promise.race([report, never]).finally(() => clearTimeout(timer));
  }

  it('reads all its input once it has the lock: stdin-like bytes and a readline interface', async () => {
    for (const native of [false, true]) {
      const label = native ? 'native' : 'reference';
      const dataDir = tempDataDir();
      const store = openStore(dataDir, { native });
      const fromBytes = await behindAnotherIngest(dataDir, () => store.ingestBytes('wait', Readable.from([Buffer.from(text)]), NOT_DYNAMIC));
      expect(fromBytes, `${label}, bytes`).toMatchObject({ stored: 5000, rejected: 0 });
      const lines = createInterface({ input: Readable.from([text]), crlfDelay: Infinity });
      const fromLines = await behindAnotherIngest(dataDir, () => store.ingestLines('wait', lines, NOT_DYNAMIC));
      expect(fromLines, `${label}, readline`).toMatchObject({ stored: 5000, rejected: 0 });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
