import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { expect, test } from '@playwright/test';
import { Client } from 'pg';
import { openPostgres } from '../server/db/client';
import { seedDemoData } from '../server/db/seed';
import { demoPassword } from './fixtures';

/**
 * Pages while PostgreSQL cannot be reached: a "temporarily unavailable" page with status 503, and
 * the ordinary pages again once it is back, without a restart. The app talks to PostgreSQL through
 * a loopback relay this test opens and closes, so the shared server is never stopped. Needs
 * TEST_DATABASE_URL (CI sets it) and a production build, like every journey.
 */

const adminUrl = process.env.TEST_DATABASE_URL;
test.skip(!adminUrl, 'needs TEST_DATABASE_URL');
test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** A TCP relay to PostgreSQL that can drop every connection and refuse new ones. */
function openRelay(target: URL) {
  let up = true;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (!up) return void client.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  return {
    listen: () => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))),
    down() {
      up = false;
      for (const socket of sockets) socket.destroy();
    },
    up() {
      up = true;
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer in time`);
}

const databaseName = `rapport_e2e_outage_${randomBytes(4).toString('hex')}`;
const relay = openRelay(new URL(adminUrl ?? 'postgres://127.0.0.1:5432/postgres'));
let server: ChildProcess | undefined;
let baseURL = '';

async function adminQuery(text: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  await adminQuery(`create database ${databaseName}`);
  const databaseUrl = new URL(adminUrl!);
  databaseUrl.pathname = `/${databaseName}`;
  const handle = openPostgres(databaseUrl.toString(), { max: 2 });
  try {
    await handle.migrate();
    await seedDemoData(handle.db);
  } finally {
    await handle.close();
  }
  const relayUrl = new URL(databaseUrl);
  relayUrl.host = `127.0.0.1:${await relay.listen()}`;
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, DATABASE_URL: relayUrl.toString() },
    stdio: 'ignore',
  });
  await waitForServer(`${baseURL}/users/sign_in`, Date.now() + 60_000);
});

test.afterAll(async () => {
  if (server?.pid) server.kill('SIGTERM');
  await relay.close();
  await adminQuery(`drop database if exists ${databaseName} with (force)`);
});

test('pages answer 503 while the database is unreachable, and recover without a restart', async ({ page }) => {
  const contactsUrl = `${baseURL}/groups/acme/-/crm/contacts`;
  await page.goto(`${baseURL}/users/sign_in?redirect_to=${encodeURIComponent('/groups/acme/-/crm/contacts')}`);
  await page.getByLabel('Username or email').fill('reporter');
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Customer relations contacts' })).toBeVisible();

  relay.down();
  for (const url of [contactsUrl, `${baseURL}/acme/website/-/issues/1`, `${baseURL}/groups/acme`]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(503);
    await expect(page.getByRole('heading', { name: 'Temporarily unavailable' })).toBeVisible();
  }

  relay.up();
  await expect(async () => {
    const response = await page.goto(contactsUrl);
    expect(response?.status()).toBe(200);
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'Customer relations contacts' })).toBeVisible();
});
