import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = '.data/e2e';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
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
  webServer: {
    // `npm start`'s server (API on node:http, pages through Next) with a fresh embedded database
    // each run, seeded with the demo data on boot.
    command: `rm -rf ${dataDir} && node scripts/start.mjs`,
    url: `http://127.0.0.1:${port}/users/sign_in`,
    env: { PORT: String(port), RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '', RAPPORT_WORKERS: '' },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
  },
});
