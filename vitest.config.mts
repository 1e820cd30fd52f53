import { configDefaults, defineConfig } from 'vitest/config';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

const TESTS = ['lib', 'app', 'components', 'scripts', 'bench'].map((folder) => `${folder}/**/*.test.ts`);

/**
 * The slow suites that hold two paths to the same answer (every ingest path, the SQL diff against
 * diffRuns, a run's counts against its drill-down) and the fuzz suites: `npm run test:fidelity`.
 */
const FIDELITY = [
  'lib/store/ingest-paths.differential.test.ts',
  'lib/store/*/fidelity.test.ts',
  'lib/review/stored-diff.property.test.ts',
  'lib/hunts/run/run-events.property.test.ts',
  '**/*.fuzz.test.ts',
];

/**
 * Tests that mock nothing and leave no process-wide state behind: they share one module graph per
 * worker, which spares a fresh worker and a fresh import of the language for each file. A test that
 * edits process.env, mocks a module or keeps a module-level cache of its own fixtures (lib/hunts'
 * STATS-input cache, lib/demo's counters) stays in `unit`, one worker per file.
 */
const SHARED_WORKER = ['esql', 'engine', 'backends', 'view', 'model', 'api']
  .map((folder) => `lib/${folder}/**/*.test.ts`)
  .concat('components/**/*.test.ts');

export default defineConfig({
  // `import 'server-only'` means nothing in a test process (lib/server-only.ts says why).
  resolve: { alias: { '@': root, 'server-only': path.join(root, 'lib/server-only.ts') } },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default leaves a core idle (one worker on a 2-core machine).
    maxWorkers: os.availableParallelism(),
    env: { TZ: 'UTC' },
    projects: [
      { extends: true, test: { name: 'unit', include: TESTS, exclude: [...configDefaults.exclude, ...FIDELITY, ...SHARED_WORKER] } },
      { extends: true, test: { name: 'unit-shared', include: SHARED_WORKER, exclude: [...configDefaults.exclude, ...FIDELITY], isolate: false } },
      { extends: true, test: { name: 'fidelity', include: FIDELITY } },
    ],
  },
});
