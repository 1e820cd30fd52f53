// The bundle import's worker thread (see import-thread.ts). A plain .mjs file loaded by absolute
// path, outside what Next.js bundles: it loads the TypeScript job through tsx, as bin/huntboard.mjs
// does for the command line. "ready" tells the caller the job module loaded; until then a failure
// means no worker, and the caller imports on its own thread instead. Then it takes one job at a
// time, for as long as the server runs.
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { register as registerEsm } from 'tsx/esm/api';
import { register as registerCjs } from 'tsx/cjs/api';

// This project's tsconfig.json, not the working directory's: its "paths" resolve `import 'server-only'`.
process.env.TSX_TSCONFIG_PATH = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
registerCjs();
registerEsm();
const job = await import(new URL('./import-job.ts', import.meta.url).href);
// A CJS-compiled module arrives as `default`; an ESM one has named exports.
const runImportJob = job.runImportJob ?? job.default?.runImportJob;
if (typeof runImportJob !== 'function') throw new Error('import-job.ts has no runImportJob');
parentPort.on('message', async (job) => {
  parentPort.postMessage({ kind: 'done', result: await runImportJob(job) });
});
parentPort.postMessage({ kind: 'ready' });
