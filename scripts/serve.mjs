#!/usr/bin/env node
// The production server: Next.js behind Huntboard's own HTTP server (lib/server/process/serve.ts), which
// decides who may connect and where to listen once, at start. scripts/start.mjs and the e2e
// servers run this after the build; settings come from the environment (PORT, HUNTBOARD_HOST, …).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

process.env.NODE_ENV = 'production';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// This project's tsconfig.json whatever the cwd: its "paths" resolve `import 'server-only'` for tsx
// (lib/server-only.ts), here and in the bundle import's worker thread, which inherits the variable.
process.env.TSX_TSCONFIG_PATH = path.join(root, 'tsconfig.json');
// Only serve.ts and what it imports load through tsx (scoped, not a global hook): Next.js's own
// build output is plain JavaScript and loads as usual.
const serveModule = await tsImport(path.join(root, 'lib/server/process/serve.ts'), import.meta.url);
const { startServer, cannotStart } = serveModule.startServer ? serveModule : serveModule.default;
const { default: next } = await import('next');

let started;
try {
  started = await startServer({ env: process.env, root, createNext: (options) => next(options) });
} catch (e) {
  // e.g. no production build (`npm start` builds one first), or the port is taken.
  console.error(cannotStart([e instanceof Error ? e.message : String(e)]));
  process.exit(1);
}
if (!started.ok) {
  console.error(cannotStart(started.errors));
  process.exit(1);
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    started.server.close();
    // Open keep-alive connections would hold the process; the work in flight is not worth a hang.
    setTimeout(() => process.exit(0), 2000).unref();
    started.server.closeAllConnections?.();
  });
}
