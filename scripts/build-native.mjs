/**
 * `npm install` runs this: builds native/ (the compiled ingest reader) with node-gyp, against the
 * DuckDB library that @duckdb/node-api installs. Without it ingest still works, through the
 * reference path (JSON.parse for every line), several times slower: a failed build warns and does
 * not fail the install.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

if (process.env.HUNTBOARD_SKIP_NATIVE === '1') process.exit(0);

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
  console.warn('\nhuntboard: the compiled ingest reader (native/) did not build; ingest will use the slower reference path (JSON.parse for every line).\n');
}
