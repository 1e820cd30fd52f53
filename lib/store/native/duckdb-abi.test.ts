/**
 * The pin between the addon and DuckDB: the check that refuses an addon built for another minor
 * version, and that Huntboard's declarations of the C API (native/include/duckdb_abi.h) say what
 * the installed DuckDB says. @duckdb/node-bindings lists the C prototype of every call it wraps in
 * its duckdb.d.ts; each declaration of ours must be one of them, word for word once spacing is set
 * aside, so an upgrade that changes a signature fails here rather than corrupting parts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeAddon } from './addon';
import { checkDuckdbAbi, minorVersion } from './duckdb-abi';

const header = readFileSync(path.join(process.cwd(), 'native', 'include', 'duckdb_abi.h'), 'utf8');
const bindingsDir = path.dirname(createRequire(import.meta.url).resolve('@duckdb/node-bindings/package.json'));
const typings = readFileSync(path.join(bindingsDir, 'duckdb.d.ts'), 'utf8');
const bindingsVersion = (JSON.parse(readFileSync(path.join(bindingsDir, 'package.json'), 'utf8')) as { version: string }).version;

const pinned = /#define HUNTBOARD_DUCKDB_ABI_VERSION "([^"]+)"/.exec(header)?.[1] ?? '';

/** One spelling per prototype: `char *x` and `char* x` alike, `()` for `(void)`. */
function normalized(prototype: string): string {
  return prototype.replace(/\s*\*\s*/g, '* ').replace(/\s+/g, ' ').replace(/\(void\)/, '()').replace(/\s*;$/, '').trim();
}

describe('checkDuckdbAbi', () => {
  it('takes an addon built for the minor version that is loaded, whatever the patch', () => {
    expect(checkDuckdbAbi({ builtFor: '1.5.6', linked: 'v1.5.6' })).toEqual({ ok: true });
    expect(checkDuckdbAbi({ builtFor: '1.5.6', linked: 'v1.5.2' })).toEqual({ ok: true });
  });

  it('refuses an addon built for another minor or major version, naming both', () => {
    for (const linked of ['v1.6.0', 'v1.4.3', 'v2.5.6']) {
      const check = checkDuckdbAbi({ builtFor: '1.5.6', linked });
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.reason).toContain(`built for DuckDB 1.5 (native/include/duckdb_abi.h) but DuckDB ${linked} is loaded`);
    }
  });

  it('refuses an addon that does not report its versions, or reports unreadable ones', () => {
    expect(checkDuckdbAbi(undefined)).toMatchObject({ ok: false, reason: expect.stringContaining('npm run build:native') });
    expect(checkDuckdbAbi({ builtFor: '1.5.6' })).toMatchObject({ ok: false });
    expect(checkDuckdbAbi({ builtFor: '1.5.6', linked: 'dev' })).toMatchObject({ ok: false, reason: expect.stringContaining('unreadable') });
  });

  it('reads the minor version of DuckDB, package and header spellings', () => {
    expect(minorVersion('v1.5.6')).toBe('1.5');
    expect(minorVersion('1.5.6-r.1')).toBe('1.5');
    expect(minorVersion('1.15')).toBe('1.15');
    expect(minorVersion('v1.5.6-dev123')).toBe('1.5');
    expect(minorVersion('15')).toBeUndefined();
  });
});

describe('native/include/duckdb_abi.h', () => {
  it('is pinned to the minor version of the installed DuckDB', () => {
    expect(minorVersion(pinned)).toBe(minorVersion(bindingsVersion));
  });

  it('declares each function as the installed DuckDB lists it', () => {
    const theirs = new Set([...typings.matchAll(/^\/\/ DUCKDB_C_API (.+)$/gm)].map((m) => normalized(m[1])));
    const ours = [...header.matchAll(/^[a-z][\w ]*\*? ?duckdb_\w+\(.*\);$/gm)].map((m) => normalized(m[0]));
    expect(ours.length).toBeGreaterThanOrEqual(40);
    expect(ours.filter((p) => !theirs.has(p))).toEqual([]);
  });

  it('numbers the column types as the installed DuckDB does', () => {
    const typeEnum = /export enum Type \{([^}]*)\}/.exec(typings)?.[1] ?? '';
    const theirs = new Map([...typeEnum.matchAll(/(\w+) = (\d+)/g)].map((m) => [m[1], Number(m[2])]));
    const ours = [...header.matchAll(/DUCKDB_TYPE_(\w+) = (\d+)/g)].map((m) => [m[1], Number(m[2])] as const);
    expect(ours.length).toBe(6);
    for (const [name, value] of ours) expect([name, theirs.get(name)]).toEqual([name, value]);
  });

  it('is what the built addon reports, and the addon runs with the DuckDB loaded', () => {
    const addon = nativeAddon();
    if (!addon) throw new Error('the native ingest addon is not built (npm install builds it)');
    expect(addon.duckdbVersion.builtFor).toBe(pinned);
    expect(minorVersion(addon.duckdbVersion.linked)).toBe(minorVersion(bindingsVersion));
  });
});
