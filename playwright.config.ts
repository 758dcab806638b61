import { defineConfig } from '@playwright/test';

const firstPort = Number(process.env.E2E_PORT ?? 3210);
/**
 * Two workers, each with a server and an embedded database of its own (ports 3210 and 3211), so
 * no journey sees another worker's records or settings. E2E_WORKERS=1 runs them one at a time.
 */
const workers = Number(process.env.E2E_WORKERS ?? 2);
const servers = Array.from({ length: workers }, (_, index) => ({ port: firstPort + index, dataDir: `.data/e2e-${index}` }));
// Playwright sets TEST_PARALLEL_INDEX in each worker process before it loads this file.
const ownServer = servers[Number(process.env.TEST_PARALLEL_INDEX ?? 0)] ?? servers[0]!;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers,
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${ownServer.port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      // System Chromium only: this machine cannot download a browser.
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // `npm start`'s server (API on node:http, pages through Next) with a fresh embedded database
  // each run, seeded with the demo data on boot. Playwright starts them one after the other.
  webServer: servers.map(({ port, dataDir }) => ({
    command: `rm -rf ${dataDir} && node scripts/start.mjs`,
    url: `http://127.0.0.1:${port}/users/sign_in`,
    env: { PORT: String(port), RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '', RAPPORT_WORKERS: '' },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe' as const,
  })),
});
