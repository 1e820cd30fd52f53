/**
 * The hunt catalogue: the builtin hunts plus every `**\/*.toml` under HUNTBOARD_HUNTS_DIR, loaded
 * once per process and reloaded when a file's mtime or size changes.
 */
import 'server-only';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadHuntFile, locateHuntFile } from './loader';
import type { Hunt, HuntCatalogue, HuntLoadProblem } from './types';

export interface LoadCatalogueOptions {
  /** Extra hunts folder; when the key is absent, `process.env.HUNTBOARD_HUNTS_DIR`. */
  huntsDir?: string;
  /** Overrides the shipped hunts folder (tests). */
  builtinDir?: string;
}

/** The shipped hunts: beside this module, or under the cwd when bundled (Next.js moves modules). */
export function builtinHuntsDir(): string {
  try {
    const here = path.join(path.dirname(fileURLToPath(import.meta.url)), 'builtin');
    if (existsSync(here)) return here;
  } catch {
    // import.meta.url is not a file URL in some bundles; fall through to the cwd.
  }
  return path.join(process.cwd(), 'lib', 'hunts', 'builtin');
}

interface FoundFile {
  absolute: string;
  /** Relative to the folder searched, with `/` separators. */
  relative: string;
  mtimeMs: number;
  size: number;
}

/** Every `*.toml` under `root`, sorted by relative path so ids are suffixed deterministically. */
export async function findTomlFiles(root: string): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(absolute);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.toml')) {
        const info = await stat(absolute);
        const relative = path.relative(root, absolute).split(path.sep).join('/');
        found.push({ absolute, relative, mtimeMs: info.mtimeMs, size: info.size });
      }
    }
  }
  await walk(root);
  return found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

function compareHunts(a: Hunt, b: Hunt): number {
  const byPlatform = (a.platform ?? '').localeCompare(b.platform ?? '');
  if (byPlatform !== 0) return byPlatform;
  const byName = a.name.localeCompare(b.name);
  return byName !== 0 ? byName : a.id.localeCompare(b.id);
}

/** `id`, `id-2`, `id-3`… : the first hunt (builtin first, then by path) keeps the plain id. */
function uniqueId(id: string, taken: Set<string>): string {
  if (!taken.has(id)) return id;
  let n = 2;
  while (taken.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

async function buildCatalogue(sets: { kind: 'builtin' | 'directory'; files: FoundFile[] }[]): Promise<HuntCatalogue> {
  const hunts: Hunt[] = [];
  const problems: HuntLoadProblem[] = [];
  const taken = new Set<string>();
  for (const set of sets) {
    for (const file of set.files) {
      const located = locateHuntFile(file.relative, set.kind === 'builtin' ? file.relative.split('/').slice(-2, -1)[0] : undefined);
      const result = await loadHuntFile(file.absolute, {
        source: { kind: set.kind, file: file.relative },
        id: located.id,
        platform: located.platform,
      });
      if (!result.ok) {
        problems.push(result.problem);
        continue;
      }
      problems.push(...result.warnings);
      const id = uniqueId(result.hunt.id, taken);
      taken.add(id);
      hunts.push({ ...result.hunt, id });
    }
  }
  return { hunts: hunts.sort(compareHunts), problems };
}

const cache = new Map<string, { signature: string; catalogue: HuntCatalogue }>();

function signatureOf(sets: { files: FoundFile[] }[]): string {
  return sets.map((s) => s.files.map((f) => `${f.absolute}\0${f.mtimeMs}\0${f.size}`).join('\n')).join('\n--\n');
}

export async function loadCatalogue(options: LoadCatalogueOptions = {}): Promise<HuntCatalogue> {
  const builtinDir = options.builtinDir ?? builtinHuntsDir();
  const extra = 'huntsDir' in options ? options.huntsDir : process.env.HUNTBOARD_HUNTS_DIR;
  const huntsDir = extra ? path.resolve(extra) : undefined;
  const sets: { kind: 'builtin' | 'directory'; files: FoundFile[] }[] = [
    { kind: 'builtin', files: await findTomlFiles(builtinDir) },
  ];
  if (huntsDir) sets.push({ kind: 'directory', files: await findTomlFiles(huntsDir) });
  const key = `${builtinDir}\0${huntsDir ?? ''}`;
  const signature = signatureOf(sets);
  const cached = cache.get(key);
  if (cached && cached.signature === signature) return cached.catalogue;
  const catalogue = await buildCatalogue(sets);
  cache.set(key, { signature, catalogue });
  return catalogue;
}

/** Loads only the files under one folder (no builtins, no cache): what `huntboard hunts check DIR` reads. */
export async function loadDirectory(dir: string, kind: 'builtin' | 'directory' = 'directory'): Promise<HuntCatalogue> {
  return buildCatalogue([{ kind, files: await findTomlFiles(path.resolve(dir)) }]);
}

export function findHunt(catalogue: HuntCatalogue, id: string): Hunt | undefined {
  return catalogue.hunts.find((h) => h.id === id);
}
