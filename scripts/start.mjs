// `npm start`: builds the app when there is no build yet, then runs the `node:http` server of
// server/http/main.ts. That TypeScript is bundled here with esbuild on every start (a few tens of
// milliseconds, so it always matches the checkout); the GraphQL and database code it serves come
// from the Next.js build. Env: PORT, DATABASE_URL, RAPPORT_DATA_DIR, RAPPORT_WORKERS.
import cluster from 'node:cluster';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';

// As `next start` does: React, Next and the database drivers read it.
process.env.NODE_ENV = 'production';

const serverBundle = path.resolve('.next', 'rapport', 'server.mjs');

// Workers (RAPPORT_WORKERS > 1) run this file too, and find both builds made by the primary.
if (cluster.isPrimary) {
  if (!existsSync('.next/BUILD_ID')) {
    console.log('No build found: running `next build` first.');
    const nextBuild = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
    if (nextBuild.status !== 0) process.exit(nextBuild.status ?? 1);
  }
  await build({
    entryPoints: [new URL('../server/http/main.ts', import.meta.url).pathname],
    outfile: serverBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // `next` and the rest load from node_modules as usual.
    packages: 'external',
    logLevel: 'warning',
  });
  // esbuild keeps a helper process for further builds: there are none.
  await stop();
}

await import(pathToFileURL(serverBundle).href);
