/**
 * `npm start` (through scripts/start.mjs, which builds first when there is no build): serves the
 * production build on PORT with `RAPPORT_WORKERS` processes. Env: PORT (3000), DATABASE_URL,
 * RAPPORT_DATA_DIR, RAPPORT_WORKERS.
 */
import cluster from 'node:cluster';
import type { Server } from 'node:http';
import os from 'node:os';
import { createAppServer } from './app-server';
import { type HostedServices, openHostedServicesSlot } from './hosted-services';
import { workerCount } from './workers';

/** In-flight requests get this long to finish after SIGINT/SIGTERM. */
const drainTimeoutMs = 10_000;
/** Migrating and seeding a new embedded database on a slow machine stays well inside this. */
const bootTimeoutMs = 120_000;

/** Next runs its instrumentation hook (database, seed, GraphQL handler) in the background of `prepare()`. */
function waitForHostedServices(services: Promise<HostedServices>): Promise<HostedServices> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the Next.js build did not hand over the GraphQL handler within ${bootTimeoutMs / 1000} s: is .next older than this checkout? Run \`npm run build\`.`)),
      bootTimeoutMs,
    );
  });
  return Promise.race([services, timeout]).finally(() => clearTimeout(timer));
}

/** Every address unless RAPPORT_HOST names one (the reliability tests and the bench use 127.0.0.1). */
function listen(server: Server, port: number, hostname: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Runs `stop` on the first SIGINT or SIGTERM, then exits; later signals wait for it. */
function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Rapport: shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** Stops accepting connections and waits for requests in flight, then cuts what is left. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const cutOff = setTimeout(() => server.closeAllConnections(), drainTimeoutMs);
    server.close(() => {
      clearTimeout(cutOff);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * Next replaces the global `Date` with a wrapper that tells its prerendering when the clock is read
 * (for `cacheComponents`, which Rapport does not enable). Every timestamp a query maps to a `Date`
 * then goes through `Reflect.construct` with another `new.target`: 3–4 % of the node CPU of the
 * contacts list. The platform's own goes back once Next has started.
 */
function restorePlatformDate(platformDate: DateConstructor): void {
  if (globalThis.Date === platformDate) return;
  globalThis.Date = platformDate;
  Object.defineProperty(platformDate.prototype, 'constructor', { value: platformDate, writable: true, configurable: true, enumerable: false });
}

/** One server process: Next's handler for pages, Yoga for the API, one database handle. */
async function serve(port: number): Promise<void> {
  const hosted = openHostedServicesSlot();
  const platformDate = globalThis.Date;
  // Loaded here, not at the top: a cluster primary only supervises and never needs Next.
  const { default: next } = await import('next');
  const hostname = process.env.RAPPORT_HOST || undefined;
  // Next is not told the hostname: its proxy sees every request as http://localhost:<port>, while
  // its router would compare a rewrite's origin with http://<hostname>:<port>, and serve each
  // GitLab page URL (a rewrite, proxy.ts) by an HTTP request back to this server.
  const app = next({ dev: false, dir: process.cwd(), port });
  await app.prepare();
  restorePlatformDate(platformDate);
  const services = await waitForHostedServices(hosted);
  const handleNext = app.getRequestHandler();
  const server = createAppServer({ graphql: services.handleGraphQL, next: (request, response) => handleNext(request, response) });
  stopOnSignals(async () => {
    await closeServer(server);
    await app.close();
    await services.closeDatabase();
  });
  await listen(server, port, hostname);
  const role = cluster.isWorker ? `worker ${cluster.worker?.id}, ` : '';
  console.log(`Rapport: listening on http://${hostname ?? 'localhost'}:${port} (${role}pid ${process.pid})`);
}

/** Several processes on one port (node:cluster hands connections to the workers in turn). */
function superviseWorkers(count: number): void {
  let stopping = false;
  let exitCode = 0;
  const listening = new Set<number>();
  const running = () => Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
  const stop = () => {
    stopping = true;
    for (const worker of running()) worker.process.kill('SIGTERM');
  };
  cluster.on('listening', (worker) => listening.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    const wasListening = listening.delete(worker.id);
    if (!stopping) {
      console.error(`Rapport: worker ${worker.id} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}).`);
      if (wasListening) {
        cluster.fork();
        return;
      }
      // A worker that never started (port in use, bad configuration) would fail again: stop them all.
      exitCode = 1;
      stop();
    }
    if (running().length === 0) process.exit(exitCode);
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`Rapport: starting ${count} workers (RAPPORT_WORKERS).`);
  for (let index = 0; index < count; index += 1) cluster.fork();
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  if (cluster.isPrimary) {
    const count = workerCount(process.env, os.availableParallelism());
    if (count > 1) {
      superviseWorkers(count);
      return;
    }
  }
  await serve(port);
}

main().catch((error: unknown) => {
  console.error(`Rapport: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
