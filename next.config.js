/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  typedRoutes: false,
  poweredByHeader: false,
  // Native and WASM database drivers load from node_modules at run time instead of being bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@node-rs/argon2'],
  experimental: {
    // The proxy (proxy.ts) sees every request body first, cut at 10 MB by default: the CSV import takes
    // files up to 20 MB (lib/crm/csv-import-fields.ts), plus room to spare.
    proxyClientMaxBodySize: 21 * 1024 * 1024,
  },
};

export default nextConfig;
