/**
 * `import 'server-only'` marks the modules that must never reach the browser: Next.js fails a build
 * in which a client component's imports lead to one. The marker only helps where it is: every
 * module of the server-side folders opens its imports with it, and the browser-safe folders never
 * use it (a marked module there would break every page that shows it). Outside Next the specifier
 * resolves to lib/server-only.ts, which is empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const SERVER_SIDE = ['server', 'appstate', 'auth', 'backends', 'store', 'engine', 'hunts', 'explore', 'review', 'bundle', 'cli', 'demo'].map((d) => `lib/${d}`);
const BROWSER_SAFE = ['lib/model', 'lib/esql', 'lib/view', 'lib/api', 'components'];

const isTest = (rel: string) => /\.test\.tsx?$/.test(rel) || rel.split('/').includes('testing');

/** Every .ts/.tsx file under `dir`, relative to the root with forward slashes. */
function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const p = path.join(abs, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(path.relative(root, p).split(path.sep).join('/'));
    }
  };
  walk(path.join(root, dir));
  return out;
}

function parse(rel: string): ts.SourceFile {
  const kind = rel.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(rel, fs.readFileSync(path.join(root, rel), 'utf8'), ts.ScriptTarget.Latest, true, kind);
}

const isDirective = (s: ts.Statement) => ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression);

const isMarker = (s: ts.Statement) =>
  ts.isImportDeclaration(s) && !s.importClause && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text === 'server-only';

/** The modules a file loads at run time: static imports and re-exports that are not type-only. */
function valueImports(sf: ts.SourceFile): string[] {
  const specs: string[] = [];
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) {
      const clause = s.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) specs.push(s.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) && !s.isTypeOnly) {
      specs.push(s.moduleSpecifier.text);
    }
  }
  return specs;
}

/** The root-relative folder path an import points into, or undefined for a package. */
function target(fromRel: string, spec: string): string | undefined {
  if (spec.startsWith('@/')) return spec.slice(2);
  if (spec.startsWith('.')) return path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), spec));
  return undefined;
}

const inFolder = (rel: string, folders: string[]) => folders.some((f) => rel === f || rel.startsWith(`${f}/`));

describe("import 'server-only'", () => {
  it('opens the imports of every module of the server-side folders', () => {
    const modules = SERVER_SIDE.flatMap(sources).filter((rel) => !isTest(rel));
    expect(modules.length).toBeGreaterThan(100);
    const unmarked = modules.filter((rel) => {
      const first = parse(rel).statements.find((s) => !isDirective(s));
      return !first || !isMarker(first);
    });
    // node /tmp/refactor/add-server-only.mjs . adds the marker where it is missing.
    expect(unmarked).toEqual([]);
  });

  it('is in no module of the browser-safe folders', () => {
    const files = BROWSER_SAFE.flatMap(sources);
    expect(files.length).toBeGreaterThan(50);
    const marked = files.filter((rel) => parse(rel).statements.some(isMarker));
    expect(marked).toEqual([]);
  });

  it('is never reached from a client component by a direct import of a server-side module', () => {
    // components/ are held to lib/model, lib/view, lib/esql and lib/api by lint; app/ is not, so
    // its 'use client' files are checked here too (Next.js would fail the build, later).
    const clients = [...sources('app'), ...sources('components')].filter((rel) => {
      const first = parse(rel).statements[0];
      return !isTest(rel) && first && isDirective(first) && (first as ts.ExpressionStatement).expression.getText().slice(1, -1) === 'use client';
    });
    expect(clients.length).toBeGreaterThan(5);
    const reaches = clients.flatMap((rel) =>
      valueImports(parse(rel))
        .map((spec) => target(rel, spec))
        .filter((to): to is string => to !== undefined && inFolder(to, SERVER_SIDE))
        .map((to) => `${rel} -> ${to}`),
    );
    expect(reaches).toEqual([]);
  });
});
