import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['node_modules/**', '.next/**', 'data/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', 'native/build/**', 'next-env.d.ts', '*.tmp.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];

// The layers of the README's Architecture section, kept by lint rather than by care.
const layer = (files, ...patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });
// Flat config: the last block matching a file sets its rule, so the narrower layers repeat the wider rule.
// Any depth: lib/server has folders (http/, routes/, process/, views/) and lib folders nest.
const noHttp = {
  regex: '^(\\./|(\\.\\./)+|@/lib/)server(/|$)',
  message: 'Only app/ and lib/server speak HTTP: domain code returns errors as data for lib/server to translate.',
};
// lib/esql is used through its index (lib/esql/index.ts) and, by other layers' tests, lib/esql/testing:
// its folders stay free to change. Files inside lib/esql import each other by relative paths.
const esqlIndex = {
  regex: '(^|/)esql/(?!testing$)',
  message: 'Import the ES|QL language from lib/esql (its index) or lib/esql/testing (test fixtures), not its internals.',
};
// lib/esql's files sit at its root or one folder down; each may reach lib/model only.
const esqlPure = (up) => ({
  group: [`${up}*`, `!${up}model`, `!${up}model/*`, '@/*'],
  message: 'lib/esql, the language, knows only lib/model: no data store, no Next, no Node.',
});
// Its tests may use the test helpers shared across lib (lib/testing).
const esqlTests = ['lib/esql/**/*.test.ts'];
// lib/appstate is the SQLite layer under the domain: it knows the language and the model, never the
// domain modules built on it (hunts, review, bundle, auth). Its tests may build fixtures from them.
const appstateBelowDomain = {
  regex: '^(\\.\\./)+(hunts|review|bundle|auth)(/|$)',
  message: 'lib/appstate is below the domain: it may not import lib/hunts, lib/review, lib/bundle or lib/auth.',
};
// components/ render what lib/model describes with the browser-safe helpers of lib/view, and call
// the server through lib/api (the browser's client): never a store, the app state, the domain or
// lib/server, even for a type (a server module's type drags its imports into the client bundle's graph).
const componentsReach = {
  regex: '^(@/|(\\.\\./)+)lib/(?!(model|view|api)(/|$)|esql(/testing)?$)',
  message: 'components/ import from lib only lib/model, lib/view, lib/esql (its index) and lib/api: move a shared type to lib/model, a browser-safe helper to lib/view.',
};
// lib/view's files sit one folder down (lib/view/table/sort.ts): above lib/view they reach lib/model
// and the language's index only, so components can use them in the browser.
const viewReach = {
  group: ['../../*', '!../../model', '!../../model/*', '!../../esql', '!../../view', '!../../view/*', '../../../*', '@/*'],
  message: 'lib/view helpers run in the browser: from lib they import only lib/model and lib/esql (its index).',
};
config.push(
  layer(['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.mjs'], esqlIndex),
  layer(['lib/**'], noHttp, esqlIndex),
  // lib/server is the HTTP layer itself: its folders import each other ('../http/respond').
  layer(['lib/server/**'], esqlIndex),
  { ...layer(['lib/appstate/**'], noHttp, esqlIndex, appstateBelowDomain), ignores: ['lib/appstate/**/*.test.ts'] },
  layer(['lib/model/**'], noHttp, { group: ['../*', '@/*'], message: 'lib/model is the leaf every layer shares: it imports nothing of Huntboard.' }),
  { ...layer(['lib/esql/*.ts'], noHttp, esqlPure('../')), ignores: esqlTests },
  { ...layer(['lib/esql/*/**'], noHttp, esqlPure('../../')), ignores: esqlTests },
  layer(['components/**'], esqlIndex, componentsReach),
  { ...layer(['lib/view/*/**'], noHttp, esqlIndex, viewReach), ignores: ['lib/view/**/*.test.ts'] },
);

// Test helpers live in a `testing/` folder beside what they serve (lib/testing when shared): tests,
// other helpers, bench/ and scripts/ may use them; the product never does. A rule of its own, so it
// holds beside whichever layer block wins for no-restricted-imports.
const fromTesting = '/(^|\\/)testing(\\/|$)/';
const testingMessage = 'Test helpers (a testing/ folder) are for tests, bench/ and scripts/: the product does not import them.';
config.push({
  files: ['lib/**', 'app/**', 'components/**'],
  ignores: ['**/*.test.ts', '**/*.test.tsx', '**/testing/**'],
  rules: {
    'no-restricted-syntax': [
      'error',
      ...['ImportDeclaration', 'ExportAllDeclaration', 'ExportNamedDeclaration', 'ImportExpression'].map((node) => ({
        selector: `${node}[source.value=${fromTesting}]`,
        message: testingMessage,
      })),
    ],
  },
});

export default config;
