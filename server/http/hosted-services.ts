import type { IncomingMessage, ServerResponse } from 'node:http';

export type NodeRequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

/** What the Next.js build hands to the `node:http` server that hosts it. */
export interface HostedServices {
  /** Answers `/api/graphql` with the build's Yoga instance. */
  handleGraphQL: NodeRequestHandler;
  /** Closes the process's database handle. */
  closeDatabase(): Promise<void>;
}

/**
 * `next build` compiles the server code (schema, Yoga, the database client) into its own bundle, and
 * the pages run their documents inside it. The `node:http` server runs outside that bundle; were it
 * to import the schema itself, the process would hold a second copy of it, of graphql-js and of
 * drizzle, and open the database from a second module. So the server only opens this slot on
 * `globalThis` before Next boots, and Next's instrumentation hook fills it from the build.
 */
const slotKey = Symbol.for('rapport.http.hostedServices');

interface Slot {
  services: Promise<HostedServices>;
  provide(services: HostedServices): void;
  fail(error: unknown): void;
}

const slots = globalThis as Record<symbol, Slot | undefined>;

/** Called by the HTTP server before Next boots; settles when the instrumentation hook has run. */
export function openHostedServicesSlot(): Promise<HostedServices> {
  let provide!: (services: HostedServices) => void;
  let fail!: (error: unknown) => void;
  const services = new Promise<HostedServices>((resolve, reject) => {
    provide = resolve;
    fail = reject;
  });
  slots[slotKey] ??= { services, provide, fail };
  return slots[slotKey].services;
}

/** True inside `npm start`, false under `next dev` and `next start`. */
export function hostedByRapportServer(): boolean {
  return slots[slotKey] !== undefined;
}

/** Called by the instrumentation hook, inside the build. */
export function provideHostedServices(services: HostedServices): void {
  slots[slotKey]?.provide(services);
}

/** Called by the instrumentation hook when booting failed, so the server stops instead of waiting. */
export function failHostedServices(error: unknown): void {
  slots[slotKey]?.fail(error);
}
