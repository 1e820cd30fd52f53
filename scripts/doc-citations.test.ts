/**
 * Keeps docs/esql-semantics.md and the comments that cite it true to each other: every
 * `docs/esql-semantics.md §N` (or `§N.M`) in the code, the conformance specs and the README names a
 * section the document has; no comment still cites a semantics document by section without the
 * repository path (the form that pointed outside the repository); and the document itself cites
 * only its own sections, files that exist in the repository, and public sources.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const DOC = 'docs/esql-semantics.md';
const docText = readFileSync(path.join(ROOT, DOC), 'utf8');

/** `## 4. Title` → `4`, `### 6.5 Title` → `6.5`. */
export function sectionsOf(markdown: string): Set<string> {
  const sections = new Set<string>();
  for (const m of markdown.matchAll(/^## (\d+)\. \S/gm)) sections.add(m[1]);
  for (const m of markdown.matchAll(/^### (\d+\.\d+) \S/gm)) sections.add(m[1]);
  return sections;
}

/** The section numbers a text cites after `docs/esql-semantics.md`: `§2.9, §2.8` gives both. */
export function citationsIn(text: string): { section: string; offset: number }[] {
  const out: { section: string; offset: number }[] = [];
  for (const m of text.matchAll(/docs\/esql-semantics\.md((?:,?\s*(?:and\s+)?§\d+(?:\.\d+)?)+)/g)) {
    for (const s of m[1].matchAll(/§(\d+(?:\.\d+)?)/g)) out.push({ section: s[1], offset: m.index! });
  }
  return out;
}

/** A section cited without the document's repository path (`esql-semantics.md §2.5`). */
export function bareCitations(text: string): number[] {
  return [...text.matchAll(/(?<!docs\/)esql-semantics(?:\.md)?\s*§/g)].map((m) => m.index!);
}

const SCANNED_DIRS = ['lib', 'app', 'components', 'scripts', 'bench', 'native', 'e2e'];
const SCANNED_EXT = /\.(ts|tsx|mts|mjs|csv-spec|cc|h|md)$/;

function filesUnder(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => SCANNED_EXT.test(f) && !f.split(path.sep).includes('node_modules') && !f.split(path.sep).includes('build'))
    .map((f) => path.join(dir, f));
}

const citingFiles = ['README.md', ...SCANNED_DIRS.flatMap(filesUnder)].filter((f) => f !== 'scripts/doc-citations.test.ts');

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

describe('the helpers', () => {
  it('read sections and citations', () => {
    expect([...sectionsOf('## 1. A\n### 1.2 B\n## 10. C\n## x. no\n')]).toEqual(['1', '10', '1.2']);
    expect(citationsIn('see docs/esql-semantics.md §2.9, §2.8 and docs/esql-semantics.md §11').map((c) => c.section)).toEqual(['2.9', '2.8', '11']);
    expect(bareCitations('// derived: esql-semantics.md §2.4 (x)')).toHaveLength(1);
    expect(bareCitations('// docs/esql-semantics.md §4')).toHaveLength(0);
  });
});

describe('docs/esql-semantics.md', () => {
  const sections = sectionsOf(docText);

  it('has numbered sections, each with its subsections under it', () => {
    expect(sections.size).toBeGreaterThanOrEqual(10);
    for (const s of sections) if (s.includes('.')) expect(sections.has(s.split('.')[0]), s).toBe(true);
  });

  it('refers only to its own sections', () => {
    const missing = [...docText.matchAll(/§(\d+(?:\.\d+)?)/g)].map((m) => m[1]).filter((s) => !sections.has(s));
    expect(missing).toEqual([]);
  });

  it('cites no file outside the repository', () => {
    expect(docText).not.toMatch(/\/work\/|\.\.\/shared|shared\/reference|file:\/\//);
    expect(docText).not.toMatch(/\]\(\.\.\//);
  });

  it('names only Huntboard files that exist', () => {
    const paths = [...docText.matchAll(/`((?:lib|scripts|native|docs|components|app)\/[\w./-]+)`/g)].map((m) => m[1]);
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((p) => !existsSync(path.join(ROOT, p)))).toEqual([]);
  });
});

describe('citations of docs/esql-semantics.md', () => {
  const sections = sectionsOf(docText);

  it('name sections that exist', () => {
    const wrong: string[] = [];
    let count = 0;
    for (const file of citingFiles) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const c of citationsIn(text)) {
        count++;
        if (!sections.has(c.section)) wrong.push(`${file}:${lineOf(text, c.offset)} §${c.section}`);
      }
    }
    expect(wrong).toEqual([]);
    // The code does cite it: a scan that finds nothing would pass vacuously.
    expect(count).toBeGreaterThan(40);
  });

  it('always carry the repository path', () => {
    const bare: string[] = [];
    for (const file of citingFiles) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const offset of bareCitations(text)) bare.push(`${file}:${lineOf(text, offset)}`);
    }
    expect(bare).toEqual([]);
  });
});
