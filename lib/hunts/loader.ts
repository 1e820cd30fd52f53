/**
 * One hunt TOML file (Elastic's `[hunt]` format) → `Hunt`. Never throws for bad content: a file
 * that cannot be a hunt becomes a `HuntLoadProblem`, a broken ES|QL query keeps its parse errors.
 */
import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseEsql } from '../esql';
import { classifyQuery } from './classify';
import type { Hunt, HuntLoadProblem, HuntQuery } from './types';

export type HuntLoadResult =
  | { ok: true; hunt: Hunt; warnings: HuntLoadProblem[] }
  | { ok: false; problem: HuntLoadProblem };

export interface HuntOrigin {
  source: Hunt['source'];
  id: string;
  platform?: string;
}

const REQUIRED_STRINGS = ['author', 'description', 'uuid', 'name', 'license'] as const;
const REQUIRED_LISTS = ['integration', 'language', 'query'] as const;
const OPTIONAL_LISTS = ['notes', 'mitre', 'references'] as const;
const KNOWN_KEYS = new Set<string>([...REQUIRED_STRINGS, ...REQUIRED_LISTS, ...OPTIONAL_LISTS]);

/** `id` is the file stem; `platform` the folder above `queries/` (Elastic's layout), else the given fallback. */
export function locateHuntFile(relativeFile: string, fallbackPlatform?: string): { id: string; platform?: string } {
  const parts = relativeFile.split(/[\\/]/).filter(Boolean);
  const id = path.basename(relativeFile).replace(/\.toml$/i, '');
  const parent = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  if (parent === 'queries' && parts.length >= 3) return { id, platform: parts[parts.length - 3] };
  return { id, platform: fallbackPlatform ?? undefined };
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function parseQueries(texts: string[], languages: string[]): HuntQuery[] {
  return texts.map((text, index): HuntQuery => {
    const number = index + 1;
    const language = classifyQuery(text, languages);
    if (language !== 'ES|QL') return { number, language, text };
    const result = parseEsql(text);
    const parsed = result.ok
      ? ({ ok: true, query: result.query } as const)
      : ({ ok: false, errors: result.errors } as const);
    return { number, language, text, parsed };
  });
}

/**
 * Never throws: one hunt file must not take the catalogue (and the overview) down with it. The
 * parser turns its own failures into positioned errors; this guard catches whatever else slips.
 */
export function loadHuntText(text: string, origin: HuntOrigin): HuntLoadResult {
  try {
    return loadHuntTextUnguarded(text, origin);
  } catch (error) {
    const reason = error instanceof RangeError ? 'the file is too large to load' : error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { file: origin.source.file, message: `cannot load: ${reason}` } };
  }
}

function loadHuntTextUnguarded(text: string, origin: HuntOrigin): HuntLoadResult {
  const file = origin.source.file;
  const fail = (message: string): HuntLoadResult => ({ ok: false, problem: { file, message } });
  let document: Record<string, unknown>;
  try {
    document = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail(`invalid TOML: ${message}`);
  }
  const table = document.hunt;
  if (typeof table !== 'object' || table === null || Array.isArray(table)) return fail('missing [hunt] table');
  const raw = table as Record<string, unknown>;

  const missing = [...REQUIRED_STRINGS, ...REQUIRED_LISTS].filter((key) => raw[key] === undefined);
  if (missing.length > 0) return fail(`missing required key${missing.length > 1 ? 's' : ''} ${missing.map((k) => `[${k}]`).join(', ')} in [hunt]`);
  for (const key of REQUIRED_STRINGS) {
    if (typeof raw[key] !== 'string') return fail(`[hunt].${key} must be a string`);
  }
  for (const key of [...REQUIRED_LISTS, ...OPTIONAL_LISTS]) {
    if (raw[key] !== undefined && !isStringList(raw[key])) return fail(`[hunt].${key} must be a list of strings`);
  }
  const queryTexts = raw.query as string[];
  if (queryTexts.length === 0) return fail('[hunt].query must not be empty');

  // Elastic's loader (`Hunt(**toml["hunt"])`) rejects unknown keys; we keep the hunt and say so.
  const warnings: HuntLoadProblem[] = [
    ...Object.keys(document)
      .filter((key) => key !== 'hunt')
      .map((key) => ({ file, message: `unknown top-level key [${key}] ignored (Elastic's loader rejects it)` })),
    ...Object.keys(raw)
      .filter((key) => !KNOWN_KEYS.has(key))
      .map((key) => ({ file, message: `unknown key [${key}] in [hunt] ignored (Elastic's loader rejects it)` })),
  ];

  const language = raw.language as string[];
  const hunt: Hunt = {
    id: origin.id,
    uuid: raw.uuid as string,
    name: raw.name as string,
    description: raw.description as string,
    author: raw.author as string,
    license: raw.license as string,
    integration: raw.integration as string[],
    language,
    mitre: (raw.mitre as string[] | undefined) ?? [],
    notes: (raw.notes as string[] | undefined) ?? [],
    references: (raw.references as string[] | undefined) ?? [],
    queries: parseQueries(queryTexts, language),
    source: origin.source,
    ...(origin.platform ? { platform: origin.platform } : {}),
  };
  return { ok: true, hunt, warnings };
}

/** Reads and loads one file; an unreadable file is a problem too. */
export async function loadHuntFile(absolutePath: string, origin: HuntOrigin): Promise<HuntLoadResult> {
  let text: string;
  try {
    text = await readFile(absolutePath, 'utf8');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { file: origin.source.file, message: `cannot read: ${message}` } };
  }
  return loadHuntText(text, origin);
}
