/**
 * `npm install` runs this: builds native/ (the native ingest reader) with node-gyp, against the
 * DuckDB library that @duckdb/node-api installs. Without it ingest still works, through the
 * reference path (JSON.parse for every line), several times slower: a failed build warns and does
 * not fail the install, and so does a DuckDB of another minor version than the one the addon's
 * declarations of DuckDB's C API were written for (native/include/duckdb_abi.h).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

if (process.env.HUNTBOARD_SKIP_NATIVE === '1') process.exit(0);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SLOWER = 'ingest will use the slower reference path (JSON.parse for every line)';

/** "1.5" of "1.5.6", "v1.5.6" or "1.5.6-r.1"; undefined when it is none of these. */
function minorOf(version) {
  const m = /^v?(\d+)\.(\d+)(?:\.|-|$)/.exec(version ?? '');
  return m ? `${m[1]}.${m[2]}` : undefined;
}

// the DuckDB the declarations hold for, and the one binding.gyp would link (the same package it resolves)
const header = readFileSync(path.join(root, 'native', 'include', 'duckdb_abi.h'), 'utf8');
const pinned = /#define HUNTBOARD_DUCKDB_ABI_VERSION "([^"]+)"/.exec(header)?.[1];
const bindings = `@duckdb/node-bindings-${process.platform}-${process.arch}`;
let installed;
try {
  installed = createRequire(path.join(root, 'package.json'))(`${bindings}/package.json`).version;
} catch {
  installed = undefined;
}
if (!installed || !pinned || minorOf(installed) !== minorOf(pinned)) {
  const found = installed ? `${bindings} ${installed} is installed` : `${bindings} is not installed`;
  console.warn(`\nhuntboard: the native ingest reader (native/) was not built: its declarations of DuckDB's C API are for DuckDB ${pinned ?? '(unknown)'} and ${found}; ${SLOWER}.\n`);
  process.exit(0);
}

// node-gyp as npm runs it; else the copy bundled with the npm beside this node
const bundled = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
const gyp = [process.env.npm_config_node_gyp, bundled].find((p) => p && existsSync(p));
// Node's own headers, where the machine has them, spare node-gyp a download
const nodeDir = path.resolve(path.dirname(process.execPath), '..');
const headers = existsSync(path.join(nodeDir, 'include', 'node', 'node_api.h')) && !process.env.npm_config_nodedir ? [`--nodedir=${nodeDir}`] : [];

const result = gyp
  ? spawnSync(process.execPath, [gyp, 'rebuild', '--directory=native', ...headers], { stdio: 'inherit' })
  : spawnSync('node-gyp', ['rebuild', '--directory=native', ...headers], { stdio: 'inherit', shell: process.platform === 'win32' });
if (result.status !== 0) {
  console.warn(`\nhuntboard: the native ingest reader (native/) did not build; ${SLOWER}.\n`);
}
