/**
 * What `import 'server-only'` resolves to outside Next.js. tsconfig.json maps the specifier here
 * for tsx (the CLI, scripts/serve.mjs, bench, the bundle import's worker, `node --import tsx`
 * fixtures) and vitest.config.mts aliases it: those processes are the server side, so the marker
 * has nothing to refuse. Next.js resolves the specifier itself, and fails a build in which a client
 * component's imports reach a module that carries it.
 */
export {};
