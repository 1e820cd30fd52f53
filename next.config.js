/**
 * Security headers that do not change per request, on every path — static files included, which
 * proxy.ts does not see. They must equal STATIC_SECURITY_HEADERS in lib/server/security-headers.ts
 * (a test checks); the per-request Content-Security-Policy and CSRF cookie come from proxy.ts.
 */
const STATIC_SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

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
