/**
 * The import-loop rule in eslint.config.mjs bites: import/no-cycle reads the imported files from
 * disk, so each case is a small tree written to a temporary folder and linted with the project's
 * config. A rule that silently resolved nothing would pass a loop as readily as a line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CONFIG = path.resolve(__dirname, '..', 'eslint.config.mjs');
const REACT_VERSION: string = JSON.parse(fs.readFileSync(require.resolve('react/package.json'), 'utf8')).version;

const TREE: Record<string, string> = {
  // Two modules that import each other.
  'lib/pair/a.ts': "import { b } from './b';\n\nexport const a = (): number => b() + 1;\n",
  'lib/pair/b.ts': "import { a } from './a';\n\nexport const b = (): number => (a.length ? 0 : 1);\n",
  // A loop of three, across folders and through an index.
  'lib/ring/x.ts': "import { y } from './inner';\n\nexport const x = (): string => y();\n",
  'lib/ring/inner/index.ts': "export { y } from './y';\n",
  'lib/ring/inner/y.ts': "import { x } from '../x';\n\nexport const y = (): string => typeof x;\n",
  // A line: c uses d, d uses nothing.
  'lib/line/c.ts': "import { d } from './d';\n\nexport const c = (): number => d + 1;\n",
  'lib/line/d.ts': 'export const d = 1;\n',
  // Each names the other's type only: erased when compiled, no loop at run time.
  'lib/types/e.ts': "import type { F } from './f';\n\nexport interface E { f?: F }\n",
  'lib/types/f.ts': "import type { E } from './e';\n\nexport interface F { e?: E }\n",
};

let dir: string;
let eslint: ESLint;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huntboard-cycles-'));
  for (const [rel, text] of Object.entries(TREE)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  // Two rules look for the app around the working directory: told what they would find, they stay quiet.
  eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: CONFIG,
    overrideConfig: { settings: { react: { version: REACT_VERSION } }, rules: { '@next/next/no-html-link-for-pages': 'off' } },
  });
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function loopsReported(rel: string): Promise<string[]> {
  const [result] = await eslint.lintFiles([path.join(dir, rel)]);
  const other = result.messages.filter((m) => m.ruleId !== 'import/no-cycle');
  // A file the config did not take (ignored, unparsed) would report nothing and prove nothing.
  expect(other).toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'import/no-cycle').map((m) => m.message);
}

describe('import/no-cycle', () => {
  it.each(['lib/pair/a.ts', 'lib/pair/b.ts'])('reports the loop of two in %s', async (rel) => {
    expect(await loopsReported(rel)).toEqual(['Dependency cycle detected.']);
  });

  it.each(['lib/ring/x.ts', 'lib/ring/inner/y.ts'])('reports the loop of three in %s', async (rel) => {
    expect(await loopsReported(rel)).toEqual([expect.stringMatching(/^Dependency cycle/)]);
  });

  it.each(['lib/line/c.ts', 'lib/line/d.ts'])('reports nothing in %s, which is in no loop', async (rel) => {
    expect(await loopsReported(rel)).toEqual([]);
  });

  it('leaves out modules that import only each other’s types', async () => {
    expect(await loopsReported('lib/types/e.ts')).toEqual([]);
  });
});
