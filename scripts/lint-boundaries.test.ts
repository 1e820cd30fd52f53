/**
 * The import boundaries in eslint.config.mjs bite: each case lints a one-line module at a path
 * in the tree and checks whether `no-restricted-imports` reports it. (A rule that silently
 * matches nothing would otherwise look the same as a tree that keeps it.)
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The probes exist only as text, and import/no-cycle needs the file on disk (it fails on one that is
// not); scripts/lint-cycles.test.ts proves that rule on files it writes.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: { rules: { 'import/no-cycle': 'off' } } });

async function reported(filePath: string, spec: string, ruleId: string): Promise<boolean> {
  const [result] = await eslint.lintText(`export * from '${spec}';\n`, { filePath });
  return result.messages.some((m) => m.ruleId === ruleId);
}

const restricted = (filePath: string, spec: string) => reported(filePath, spec, 'no-restricted-imports');

describe('lib/esql is used through its index', () => {
  it.each([
    ['lib/hunts/probe.ts', '../esql/parser/parse'],
    ['lib/hunts/run/probe.ts', '../../esql/syntax/printer'],
    ['lib/engine/probe.test.ts', '../esql/testing/seed-queries'],
    ['components/probe.tsx', '@/lib/esql/analysis/analyze'],
    ['app/probe.ts', '../lib/esql/ast'],
  ])('%s may not import %s', async (file, spec) => {
    expect(await restricted(file, spec)).toBe(true);
  });

  it.each([
    ['lib/hunts/probe.ts', '../esql'],
    ['lib/engine/probe.test.ts', '../esql/testing'],
    ['components/probe.tsx', '@/lib/esql'],
    ['lib/hunts/probe.ts', '../model/esql'],
  ])('%s may import %s', async (file, spec) => {
    expect(await restricted(file, spec)).toBe(false);
  });
});

describe('lib/esql knows only lib/model', () => {
  it.each([
    ['lib/esql/probe.ts', '../store/types'],
    ['lib/esql/parser/probe.ts', '../../store/types'],
    ['lib/esql/analysis/probe.ts', '@/lib/model/esql'],
  ])('%s may not import %s', async (file, spec) => {
    expect(await restricted(file, spec)).toBe(true);
  });

  it.each([
    ['lib/esql/probe.ts', '../model/esql'],
    ['lib/esql/parser/probe.ts', '../ast'],
    ['lib/esql/analysis/probe.ts', '../../model/esql'],
    ['lib/esql/analysis/probe.test.ts', '../../testing/fuzz-runs'],
  ])('%s may import %s', async (file, spec) => {
    expect(await restricted(file, spec)).toBe(false);
  });
});

describe('only lib/server speaks HTTP in lib, at any depth', () => {
  it.each([
    ['lib/hunts/probe.ts', '../server/http/respond'],
    ['lib/hunts/run/probe.ts', '../../server/process/now'],
    ['lib/appstate/migrations/probe.ts', '../../../server/http/csrf'],
    ['lib/review/probe.ts', '@/lib/server/routes/week'],
    ['lib/probe.ts', './server/http/guard'],
  ])('%s may not import %s', async (file, spec) => {
    expect(await restricted(file, spec)).toBe(true);
  });

  it.each([
    ['lib/server/routes/probe.ts', '../http/respond'],
    ['lib/server/views/probe.ts', '../process/app-state'],
    ['lib/server/http/probe.ts', '../../model/csrf'],
    ['lib/hunts/probe.ts', '../appstate/db'],
    ['app/api/probe/route.ts', '@/lib/server/routes/hunts'],
  ])('%s may import %s', async (file, spec) => {
    expect(await restricted(file, spec)).toBe(false);
  });
});

describe('lib/appstate sits below the domain', () => {
  it.each([
    ['lib/appstate/probe.ts', '../hunts/finding-group'],
    ['lib/appstate/migrations/probe.ts', '../../hunts/run/prepare'],
    ['lib/appstate/probe.ts', '../review/diff'],
    ['lib/appstate/probe.ts', '../bundle/format'],
  ])('%s may not import %s', async (file, spec) => {
    expect(await restricted(file, spec)).toBe(true);
  });

  it.each([
    ['lib/appstate/probe.ts', '../esql'],
    ['lib/appstate/migrations/probe.ts', '../triage-groups'],
    ['lib/appstate/probe.test.ts', '../hunts/catalogue'],
  ])('%s may import %s', async (file, spec) => {
    expect(await restricted(file, spec)).toBe(false);
  });
});

describe('components reach only lib/model, lib/view, lib/esql and lib/api', () => {
  it.each([
    ['components/probe.tsx', '@/lib/server/views/run-review'],
    ['components/week/probe.tsx', '@/lib/review/week'],
    ['components/hunt/probe.tsx', '@/lib/hunts/types'],
    ['components/review/probe.tsx', '../../lib/appstate/db'],
    ['components/probe.test.ts', '@/lib/store/types'],
    ['components/probe.tsx', '@/lib/esql/analysis/analyze'],
    ['components/probe.tsx', '@/lib/modelling'],
  ])('%s may not import %s', async (file, spec) => {
    expect(await restricted(file, spec)).toBe(true);
  });

  it.each([
    ['components/probe.tsx', '@/lib/model/week'],
    ['components/week/probe.tsx', '@/lib/view/review/finding-id'],
    ['components/review/probe.tsx', '../../lib/view/review/run-labels'],
    ['components/probe.tsx', '@/lib/api/client'],
    ['components/probe.tsx', '@/lib/esql'],
    ['components/probe.test.ts', '@/lib/esql/testing'],
    ['components/probe.tsx', '@/components/MitreBadges'],
  ])('%s may import %s', async (file, spec) => {
    expect(await restricted(file, spec)).toBe(false);
  });
});

describe('lib/view runs in the browser: from lib it reaches lib/model and lib/esql only', () => {
  it.each([
    ['lib/view/table/probe.ts', '../../store/ip'],
    ['lib/view/review/probe.ts', '../../review/run-page'],
    ['lib/view/url/probe.ts', '../../server/http/respond'],
    ['lib/view/events/probe.ts', '@/lib/hunts/types'],
  ])('%s may not import %s', async (file, spec) => {
    expect(await restricted(file, spec)).toBe(true);
  });

  it.each([
    ['lib/view/table/probe.ts', '../../model/ip'],
    ['lib/view/text/probe.ts', '../../esql'],
    ['lib/view/events/probe.ts', '../table/sort'],
  ])('%s may import %s', async (file, spec) => {
    expect(await restricted(file, spec)).toBe(false);
  });
});

describe('test helpers (testing/ folders) stay out of the product', () => {
  const fromTesting = (file: string, spec: string) => reported(file, spec, 'no-restricted-syntax');

  it.each([
    ['lib/store/probe.ts', './testing/events'],
    ['lib/engine/compile/probe.ts', '../../testing/fuzz-runs'],
    ['app/probe.tsx', '@/lib/esql/testing'],
    ['components/probe.tsx', '../lib/backends/testing/fake-elasticsearch'],
  ])('%s may not import %s', async (file, spec) => {
    expect(await fromTesting(file, spec)).toBe(true);
  });

  it.each([
    ['lib/store/probe.test.ts', './testing/events'],
    ['lib/store/testing/probe.ts', '../../testing/fuzz-runs'],
    ['bench/probe.ts', '../lib/review/testing/big-run'],
    ['lib/engine/probe.ts', './contesting'],
  ])('%s may import %s', async (file, spec) => {
    expect(await fromTesting(file, spec)).toBe(false);
  });
});

describe('SQL on the app state stays in lib/appstate', () => {
  // The snippet declares what it uses, so only the rule under test can object to it.
  const sqlReported = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(`declare const db: any, app: any, conn: any, value: string, TEMP_TABLES: string, SHAPE: RegExp;\n${code}\nexport {};\n`, { filePath });
    return result.messages.some((m) => m.ruleId === 'no-restricted-syntax');
  };

  it.each([
    ['lib/auth/probe.ts', "db.prepare('SELECT 1');"],
    ['lib/bundle/probe.ts', 'db.prepare(`SELECT ${value}`);'],
    ['lib/review/probe.ts', "db.exec('DELETE FROM week_signoffs');"],
    ['lib/bundle/probe.ts', 'db.exec(TEMP_TABLES);'],
    ['lib/auth/probe.ts', 'db.transaction(() => 1)();'],
    ['lib/server/routes/probe.ts', "db.prepare('SELECT 1');"],
    ['app/api/probe/route.ts', "db.prepare('SELECT 1');"],
    ['components/probe.tsx', "db.exec('SELECT 1');"],
  ])('%s may not run %s', async (file, code) => {
    expect(await sqlReported(file, code)).toBe(true);
  });

  it.each([
    ['lib/appstate/probe.ts', "db.prepare('SELECT 1');"],
    ['lib/appstate/migrations/probe.ts', 'db.transaction(() => 1)();'],
    ['lib/auth/probe.test.ts', "db.prepare('SELECT 1');"],
    ['lib/bundle/testing/probe.ts', "db.exec('SELECT 1');"],
    // DuckDB, another database, in the folders that talk to it.
    ['lib/store/probe.ts', "await conn.prepare('SELECT 1');"],
    ['lib/engine/probe.ts', "await conn.run('SELECT 1');"],
    // Next's prepare and a RegExp's exec are not SQL.
    ['lib/server/process/probe.ts', 'await app.prepare();'],
    ['lib/auth/probe.ts', 'SHAPE.exec(value);'],
    ['lib/auth/probe.ts', '/^a/.exec(value);'],
  ])('%s may run %s', async (file, code) => {
    expect(await sqlReported(file, code)).toBe(false);
  });
});
