/** Test helpers: hunt TOML texts and temp folders of them (tests never read files outside the repository). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface HuntFixture {
  name?: string;
  uuid?: string;
  language?: string[];
  queries?: string[];
  extra?: string;
  omit?: string[];
}

/** A `[hunt]` TOML text in Elastic's format; queries as `'''…'''` literal strings. */
export function huntToml(fixture: HuntFixture = {}): string {
  const fields: Record<string, string> = {
    author: '"Elastic"',
    description: '"""\nFinds rare things.\n"""',
    integration: '["endpoint"]',
    uuid: `"${fixture.uuid ?? '00000000-0000-4000-8000-000000000001'}"`,
    name: `"${fixture.name ?? 'Rare Things'}"`,
    language: JSON.stringify(fixture.language ?? ['ES|QL']),
    license: '"Elastic License v2"',
    notes: '["Look at the rare ones."]',
    mitre: '["T1071.001"]',
    query: `[\n${(fixture.queries ?? ['from logs-* | limit 1\n']).map((q) => `'''\n${q}'''`).join(',\n')}\n]`,
  };
  const lines = Object.entries(fields)
    .filter(([key]) => !(fixture.omit ?? []).includes(key))
    .map(([key, value]) => `${key} = ${value}`);
  return `[hunt]\n${lines.join('\n')}\n${fixture.extra ?? ''}`;
}

/** A temp folder holding the given files (relative path → content). */
export function tempHuntsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-hunts-'));
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}
