/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  typedRoutes: false,
  poweredByHeader: false,
  // Native and WASM database drivers load from node_modules at run time instead of being bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@node-rs/argon2'],
};

export default nextConfig;
