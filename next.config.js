/**
 * Security headers that do not change per request, on every path — static files included, which
 * proxy.ts does not see. lib/server/http/security-headers.ts sends the same file's headers with its
 * per-request Content-Security-Policy and CSRF cookie.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const STATIC_SECURITY_HEADERS = require('./lib/server/http/static-security-headers.json');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // DuckDB ships a native addon; it must be required at run time, not bundled.
  serverExternalPackages: ['@duckdb/node-api', '@duckdb/node-bindings', '@elastic/elasticsearch', 'better-sqlite3'],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [{ source: '/:path*', headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

module.exports = nextConfig;
