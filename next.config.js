/** @type {import('next').NextConfig} */
const nextConfig = {
  // DuckDB ships a native addon; it must be required at run time, not bundled.
  serverExternalPackages: ['@duckdb/node-api', '@duckdb/node-bindings', '@elastic/elasticsearch', 'better-sqlite3'],
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
