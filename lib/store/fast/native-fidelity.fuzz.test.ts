/**
 * Fuzz: seeded random documents (hostile strings, every kind at every field, nesting, dotted and
 * unknown keys) ingested natively and through the JS path must store the same thing. FUZZ_RUNS
 * is the number of lines per mapping (300 in `npm test`).
 */
import { afterEach, describe, it } from 'vitest';
import { fuzzRuns, fuzzSeed, fuzzTimeout } from '../../fuzz/runs';
import { expectSame, removeFidelityDirs } from './fidelity-check';
import { ALL_TYPES_MAPPING, randomLines } from './fidelity-lines';

afterEach(removeFidelityDirs);

describe('native ingest fuzz', () => {
  it(
    'random lines under explicit, dynamic and ECS mappings store as through the JS path',
    async () => {
      const lines = randomLines(fuzzRuns(300), fuzzSeed(20261129));
      // parts of a few hundred rows at most: each is read back and compared
      const partRows = Math.max(13, Math.ceil(lines.length / 50));
      const ecs = lines.map((l) => l.replaceAll('"k"', '"process.name"').replaceAll('"ip"', '"destination.ip"').replaceAll('"dt"', '"event.created"'));
      await expectSame('fuzz', [lines], { mapping: ALL_TYPES_MAPPING }, 97, partRows);
      await expectSame('fuzz-dyn', [lines], {}, 97, partRows);
      await expectSame('logs-fuzz', [ecs], {}, 97, partRows);
    },
    fuzzTimeout(10),
  );
});
