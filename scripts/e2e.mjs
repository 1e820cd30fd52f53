#!/usr/bin/env node
// `npm run test:e2e`: build the production bundle once, then run Playwright against it four
// times: on the embedded backend (playwright.config.ts), on the Elasticsearch backend through a
// fake cluster (playwright.es.config.ts), with accounts and roles (playwright.accounts.config.ts),
// and with a run of a million findings (playwright.big.config.ts).
// Extra arguments go to every run; E2E_ONLY=embedded|elasticsearch|accounts|big runs one. Every run
// happens, so one failure does not hide another.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.NEXT_TELEMETRY_DISABLED = '1';
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;

if (!process.env.E2E_SKIP_BUILD) {
  const built = run([path.join(root, 'node_modules/next/dist/bin/next'), 'build']);
  if (built !== 0) process.exit(built);
}
const runs = [
  { name: 'embedded', config: 'playwright.config.ts' },
  { name: 'elasticsearch', config: 'playwright.es.config.ts' },
  { name: 'accounts', config: 'playwright.accounts.config.ts' },
  { name: 'big', config: 'playwright.big.config.ts' },
].filter((r) => !process.env.E2E_ONLY || process.env.E2E_ONLY === r.name);
if (runs.length === 0) {
  console.error(`E2E_ONLY must be "embedded", "elasticsearch", "accounts" or "big", got "${process.env.E2E_ONLY}"`);
  process.exit(2);
}
const failed = [];
for (const { name, config } of runs) {
  console.log(`\n── e2e on the ${name} backend (${config}) ──`);
  const status = run([path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', '--config', config, ...process.argv.slice(2)]);
  if (status !== 0) failed.push(name);
}
if (failed.length > 0) {
  console.error(`e2e failed on: ${failed.join(', ')}`);
  process.exit(1);
}
