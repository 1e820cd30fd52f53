/**
 * Fuzz: seeded random documents (hostile strings, every kind at every field, nesting, dotted and
 * unknown keys) with blank lines, CRLF endings and lines nested deeper than Elasticsearch parses,
 * through every ingest path: each must store what the reference path stores, and account for
 * every line. FUZZ_RUNS is the number of lines per mapping (300 in `npm test`).
 */
import { afterEach, describe, it } from 'vitest';
import { fuzzRuns, fuzzSeed, fuzzTimeout } from '../testing/fuzz-runs';
import { expectAllPathsAgree, removePathDirs } from './testing/ingest-paths';
import { noisyLines } from './testing/deep-lines';
import { ALL_TYPES_MAPPING, randomLines } from './testing/fidelity-lines';

afterEach(removePathDirs);

describe('ingest paths fuzz', () => {
  it(
    'random and deeply nested lines under explicit, dynamic and ECS mappings store alike on every path',
    async () => {
      const seed = fuzzSeed(20261129);
      const lines = noisyLines(randomLines(fuzzRuns(300), seed), seed);
      // parts of a few hundred rows at most: each is read back and compared
      const partRows = Math.max(13, Math.ceil(lines.length / 50));
      const layout = { batchLines: 97, partRows };
      const ecs = lines.map((l) => l.replaceAll('"k"', '"process.name"').replaceAll('"ip"', '"destination.ip"').replaceAll('"dt"', '"event.created"'));
      await expectAllPathsAgree('fuzz', [lines], { mapping: ALL_TYPES_MAPPING }, layout);
      await expectAllPathsAgree('fuzz-dyn', [lines], {}, layout);
      await expectAllPathsAgree('logs-fuzz', [ecs], {}, layout);
    },
    fuzzTimeout(20),
  );
});
