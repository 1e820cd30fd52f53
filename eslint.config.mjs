import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// eslint-config-next declares the browser's and Node's globals (1,100 names) for every file. No
// rule here reads them (no-undef is off: TypeScript checks names), and import/no-cycle serialises
// the linted file's language options for each module it visits: without them lint is 35% quicker.
const withoutGlobals = (block) => (block.name === 'next' ? { ...block, languageOptions: { ...block.languageOptions, globals: {} } } : block);

const config = [
  ...nextVitals.map(withoutGlobals),
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
// domain modules built on it (hunts, explore, review, bundle, auth). Its tests may build fixtures from them.
const appstateBelowDomain = {
  regex: '^(\\.\\./)+(hunts|explore|review|bundle|auth)(/|$)',
  message: 'lib/appstate is below the domain: it may not import lib/hunts, lib/explore, lib/review, lib/bundle or lib/auth.',
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
const noTestingImports = ['ImportDeclaration', 'ExportAllDeclaration', 'ExportNamedDeclaration', 'ImportExpression'].map((node) => ({
  selector: `${node}[source.value=${fromTesting}]`,
  message: testingMessage,
}));
// SQL on the app state (better-sqlite3) lives in lib/appstate's table modules; the domain calls
// them (and lib/appstate/transaction for several writes at once). Refused elsewhere: a prepare of
// anything (Next's `app.prepare()` takes no argument), an exec of SQL text (a string, a template or
// an UPPER_CASE constant: a RegExp's exec takes a variable) and a transaction. lib/store,
// lib/engine and lib/backends talk to DuckDB, another database, and are left out of this part.
const sqlMessage = 'SQL on the app state goes through lib/appstate (a module named for its tables): call its functions, or lib/appstate/transaction for several writes at once.';
const sqlText = ['Literal[value=/^/]', 'TemplateLiteral', 'Identifier[name=/^[A-Z][A-Z0-9_]*$/]'];
const noAppStateSql = [
  'CallExpression[callee.property.name="prepare"][arguments.length>0]',
  'CallExpression[callee.property.name="transaction"]',
  ...sqlText.map((arg) => `CallExpression[callee.property.name="exec"] > ${arg}.arguments:first-child`),
].map((selector) => ({ selector, message: sqlMessage }));
const product = { files: ['lib/**', 'app/**', 'components/**'], ignores: ['**/*.test.ts', '**/*.test.tsx', '**/testing/**'] };
// Flat config: the last block matching a file sets the rule, so the DuckDB folders' block repeats the testing part only.
config.push(
  { ...product, rules: { 'no-restricted-syntax': ['error', ...noTestingImports, ...noAppStateSql] } },
  { ...product, files: ['lib/appstate/**', 'lib/store/**', 'lib/engine/**', 'lib/backends/**'], rules: { 'no-restricted-syntax': ['error', ...noTestingImports] } },
);

// No import loops (eslint-plugin-import's no-cycle: eslint-config-next registers the plugin as
// `import`, with resolvers for Node and for TypeScript, which knows `@/`). A loop lets a module run
// while the exports it imports are still undefined. `import type` is erased when compiled: the rule
// leaves it out. A package never imports us back, so node_modules is not parsed (half the cost).
config.push({
  files: ['lib/**', 'app/**', 'components/**', 'scripts/**', 'bench/**'],
  settings: { 'import/ignore': ['node_modules'] },
  rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
});

export default config;
