/**
 * The conformance suite: every case of every `*.csv-spec` file beside this runner, run through the
 * embedded engine over the suite's datasets (one fresh temp store per file), compared with what
 * Elasticsearch answers (compare.ts). One vitest `it` per case, named after it.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedEngine } from '../index';
import type { EmbeddedEngine } from '../types';
import { compareResult } from './compare';
import { parseCsvSpec } from './csv-spec';
import { loadDatasets } from './datasets';

/** Every case runs with now() pinned here. */
export const CONFORMANCE_NOW = new Date('2026-01-08T00:00:00.000Z');

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SPEC_FILES = readdirSync(HERE)
  .filter((f) => f.endsWith('.csv-spec'))
  .sort();

for (const file of SPEC_FILES) {
  const parsed = parseCsvSpec(readFileSync(path.join(HERE, file), 'utf8'));
  describe(file, () => {
    if (!parsed.ok) {
      it('parses', () => {
        throw new Error(`${file}:${parsed.line}: ${parsed.message}`);
      });
      return;
    }
    let engine: EmbeddedEngine;
    let dataDir: string | undefined;
    beforeAll(async () => {
      dataDir = await loadDatasets();
      engine = createEmbeddedEngine({ dataDir, now: () => CONFORMANCE_NOW });
    }, 60_000);
    afterAll(async () => {
      await engine?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    for (const spec of parsed.cases.filter((c) => !c.ignored)) {
      it(spec.name, async () => {
        const result = await engine.query({ query: spec.query, now: CONFORMANCE_NOW });
        const problems = compareResult(spec, result);
        expect(problems, `${file}:${spec.line} ${spec.name}\n${spec.query}`).toEqual([]);
      });
    }
  });
}
