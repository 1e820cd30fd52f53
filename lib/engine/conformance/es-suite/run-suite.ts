/**
 * Runs Elasticsearch's own csv-spec suite (read from a checkout the operator points at; none of it
 * is kept in this repository) against the embedded engine, judging each case with compare.ts as
 * Elasticsearch's REST spec runner judges it. Used by `npm run conformance:es`; its report is
 * docs/esql-suite.md.
 */
import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openStore } from '../../../store';
import type { EmbeddedEngine } from '../../types';
import { compareResult } from '../compare';
import { parseCsvSpecCases } from '../csv-spec';
import { parseDataCsv } from './data-csv';

export interface SuiteDataset {
  index: string;
  /** Relative to the resources directory (`data/employees.csv`, or `employees.csv` in older layouts); `-` for none. */
  dataFile: string;
  mappingFile: string;
  allowSubFields: boolean;
  /** CsvTestsDataLoader's `withTypeMapping`: a field's type replaced, or the field removed (`null`). */
  typeMapping?: Record<string, string | null>;
}

/** The mapping with the dataset's type overrides applied to its top-level properties. */
export function withTypeMapping(mapping: unknown, overrides: Record<string, string | null> | undefined): unknown {
  if (!overrides || typeof mapping !== 'object' || mapping === null) return mapping;
  const root = mapping as { properties?: Record<string, unknown> };
  const properties = { ...(root.properties ?? {}) };
  for (const [field, type] of Object.entries(overrides)) {
    if (type === null) delete properties[field];
    else properties[field] = { type };
  }
  return { ...root, properties };
}

export type CaseOutcome =
  | { file: string; name: string; line: number; status: 'pass' }
  | { file: string; name: string; line: number; status: 'fail' | 'unreadable'; reason: string; query?: string };

function resolveResource(resources: string, name: string): string {
  for (const candidate of [path.join(resources, name), path.join(resources, 'data', name), path.join(resources, 'mapping', name)]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // try the next layout
    }
  }
  throw new Error(`cannot find ${name} under ${resources}`);
}

/** Loads every dataset it can; a dataset the store refuses is reported, not fatal (its cases then fail). */
export async function loadSuiteDatasets(resources: string, datasets: SuiteDataset[], dataDir: string): Promise<{ loaded: string[]; failed: { index: string; message: string }[] }> {
  const store = openStore(dataDir);
  const loaded: string[] = [];
  const failed: { index: string; message: string }[] = [];
  for (const ds of datasets) {
    try {
      // `-`: CsvTestsDataLoader's noData(), an index with its mapping and no documents.
      const parsed = ds.dataFile === '-' ? ({ ok: true, docs: [] } as const) : parseDataCsv(readFileSync(resolveResource(resources, ds.dataFile), 'utf8'), { allowSubFields: ds.allowSubFields });
      if (!parsed.ok) throw new Error(`${ds.dataFile}:${parsed.line}: ${parsed.message}`);
      const mapping = withTypeMapping(JSON.parse(readFileSync(resolveResource(resources, ds.mappingFile), 'utf8')) as unknown, ds.typeMapping);
      const report = await store.ingestDocuments(ds.index, parsed.docs, { mapping });
      if (report.rejected > 0) {
        failed.push({ index: ds.index, message: `${report.rejected} documents rejected, first: line ${report.rejections[0]?.line}: ${report.rejections[0]?.reason}` });
      }
      loaded.push(ds.index);
    } catch (e) {
      failed.push({ index: ds.index, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return { loaded, failed };
}

const CASE_TIMEOUT_MS = 20_000;

async function runCase(engine: EmbeddedEngine, query: string) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${CASE_TIMEOUT_MS} ms`)), CASE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([engine.query({ query }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every case of one spec file (skipping `-Ignore` ones, as Elasticsearch does). */
export async function runSpecFile(engine: EmbeddedEngine, file: string, text: string): Promise<CaseOutcome[]> {
  const { cases, broken, trailing } = parseCsvSpecCases(text);
  const outcomes: CaseOutcome[] = broken.filter((b) => !b.name.endsWith('-Ignore')).map((b) => ({ file, name: b.name, line: b.line, status: 'unreadable', reason: b.message }));
  if (trailing) outcomes.push({ file, name: '(end of file)', line: trailing.line, status: 'unreadable', reason: trailing.message });
  for (const spec of cases.filter((c) => !c.ignored)) {
    let problems: string[];
    try {
      problems = compareResult(spec, await runCase(engine, spec.query));
    } catch (e) {
      problems = [`threw: ${e instanceof Error ? e.message : String(e)}`];
    }
    outcomes.push(problems.length === 0 ? { file, name: spec.name, line: spec.line, status: 'pass' } : { file, name: spec.name, line: spec.line, status: 'fail', reason: problems.join('\n'), query: spec.query });
  }
  return outcomes.sort((a, b) => a.line - b.line);
}
