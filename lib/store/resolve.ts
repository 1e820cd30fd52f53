/**
 * FROM index expressions → a snapshot of the matched indices: names, `*` wildcards, comma lists,
 * `-exclusions` applied to what precedes (Elasticsearch's rules; docs/esql-semantics.md §6.1). Each manifest is read once, so a
 * query sees one consistent set of parts even while an ingest commits.
 */
import 'server-only';
import { readdirSync } from 'node:fs';
import { esqlTypeOfMapping, type EsqlType, type ResolvedField } from '../esql';
import { indicesDir, partPath, type IndexManifest } from './layout';
import { flattenMapping } from './mapping';
import { readManifest, readMapping } from './manifest';
import { checkPart, sealOf, type PartSeal } from './part-check';
import type { SourceSnapshot } from './types';

export { checkPart, skippedPartWarnings } from './part-check';

/** Indices that exist: a folder with a committed manifest. */
export function existingIndices(dataDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(indicesDir(dataDir));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return names.filter((n) => readManifest(dataDir, n) !== undefined).sort();
}

function wildcardRegExp(pattern: string): RegExp {
  const body = pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${body}$`);
}

function matches(pattern: string, names: string[]): string[] {
  if (!pattern.includes('*')) return names.includes(pattern) ? [pattern] : [];
  const re = wildcardRegExp(pattern);
  // hidden (dot) indices only match patterns that start with a dot, as in Elasticsearch
  return names.filter((n) => re.test(n) && (!n.startsWith('.') || pattern.startsWith('.')));
}

/** The concrete indices an expression names, or the first pattern that names none. */
export function resolveNames(patterns: string[], names: string[]): string[] | { unknown: string } {
  const tokens = patterns.flatMap((p) => p.split(',')).map((t) => t.trim()).filter((t) => t !== '');
  const selected = new Set<string>();
  tokens.forEach((token, i) => {
    if (token.startsWith('-') && i > 0) {
      for (const n of matches(token.slice(1), names)) selected.delete(n);
      return;
    }
    for (const n of matches(token, names)) selected.add(n);
  });
  // A missing concrete name is an error; a wildcard that matches nothing is not, unless nothing matched at all (docs/esql-semantics.md §6.1).
  for (const [i, token] of tokens.entries()) {
    if (token.startsWith('-') && i > 0) continue;
    if (!token.includes('*') && matches(token, names).length === 0) return { unknown: token };
  }
  if (selected.size === 0) return { unknown: tokens.join(',') || patterns.join(',') };
  return [...selected].sort();
}

interface IndexFields {
  index: string;
  fields: Map<string, string>;
  constants: Map<string, string>;
}

function fieldsOf(dataDir: string, index: string): IndexFields {
  const flat = flattenMapping(readMapping(dataDir, index) ?? { properties: {} });
  const fields = new Map<string, string>();
  const constants = new Map<string, string>();
  if (!('error' in flat)) {
    for (const f of flat.fields) {
      fields.set(f.name, f.type);
      if (f.constant !== undefined) constants.set(f.name, f.constant);
    }
  }
  return { index, fields, constants };
}

function mergeConstants(perIndex: IndexFields[]): Map<string, Map<string, string>> | undefined {
  const out = new Map<string, Map<string, string>>();
  for (const { index, constants } of perIndex) {
    for (const [field, value] of constants) out.set(field, (out.get(field) ?? new Map<string, string>()).set(index, value));
  }
  return out.size ? out : undefined;
}

function mergeFields(perIndex: IndexFields[]): ResolvedField[] {
  const byField = new Map<string, Map<EsqlType, string[]>>();
  for (const { index, fields } of perIndex) {
    for (const [name, mappingType] of fields) {
      const types = byField.get(name) ?? new Map<EsqlType, string[]>();
      const t = esqlTypeOfMapping(mappingType);
      types.set(t, [...(types.get(t) ?? []), index]);
      byField.set(name, types);
    }
  }
  const out: ResolvedField[] = [];
  for (const [name, types] of [...byField].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (types.size === 1) {
      out.push({ name, type: [...types.keys()][0] });
    } else {
      out.push({ name, type: 'unsupported', conflicts: [...types].map(([type, indices]) => ({ type, indices })) });
    }
  }
  return out;
}

export function snapshot(dataDir: string, patterns: string[]): SourceSnapshot | { unknown: string } {
  const names = resolveNames(patterns, existingIndices(dataDir));
  if (!Array.isArray(names)) return names;
  const partSeals: Record<string, PartSeal> = {};
  const snap: SourceSnapshot = { indices: names, fields: [], partFiles: [], partColumns: {}, partSeals, multiValued: [], skipped: [] };
  const multiValued = new Set<string>();
  const perIndex: IndexFields[] = [];
  for (const index of names) {
    const manifest: IndexManifest | undefined = readManifest(dataDir, index);
    if (!manifest) continue;
    perIndex.push(fieldsOf(dataDir, index));
    for (const f of manifest.multiValued) multiValued.add(f);
    for (const part of manifest.parts) {
      const file = partPath(dataDir, index, part.file);
      const seal = sealOf(part);
      const problem = checkPart(file, seal);
      if (problem) {
        snap.skipped.push({ file, reason: problem });
        continue;
      }
      snap.partFiles.push(file);
      snap.partColumns[file] = part.columns;
      partSeals[file] = seal;
    }
  }
  snap.fields = mergeFields(perIndex);
  const constants = mergeConstants(perIndex);
  if (constants) snap.constants = constants;
  snap.multiValued = [...multiValued].sort();
  return snap;
}
