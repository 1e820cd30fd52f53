#!/usr/bin/env node
// `huntboard …`: runs the TypeScript CLI through tsx (no build step), from any cwd. Both of tsx's
// hooks are registered because package.json has no "type": "module", so lib/**/*.ts load as CJS.
import { fileURLToPath } from 'node:url';
import { register as registerEsm } from 'tsx/esm/api';
import { register as registerCjs } from 'tsx/cjs/api';

// tsx reads the tsconfig.json of the working directory unless told which: the CLI runs from any
// cwd, and this project's "paths" are what resolve `import 'server-only'` (see lib/server-only.ts).
process.env.TSX_TSCONFIG_PATH = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
registerCjs();
registerEsm();
const cli = await import(new URL('../lib/cli/main.ts', import.meta.url).href);
// A CJS-compiled module arrives as `default`; an ESM one has named exports.
const runFromProcess = cli.runFromProcess ?? cli.default?.runFromProcess;
await runFromProcess(process.argv.slice(2));
