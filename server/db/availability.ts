import { isDatabaseUnavailable } from './errors';

/**
 * Whether the database can be reached, for answering pages with 503 while it cannot. A failure
 * seen anywhere marks it unavailable; while marked, at most one probe a second asks the database
 * again, and the first success clears the mark, so the server recovers without a restart.
 *
 * Kept on globalThis: Next.js bundles the proxy apart from the pages, and both must see one state.
 */
interface AvailabilityState {
  unavailableSince: number | null;
  probing: Promise<boolean> | null;
  lastProbeAt: number;
  probe: (() => Promise<unknown>) | null;
  /** True when no connection is open (all closed while idle): nothing would have noticed an outage. */
  cold: () => boolean;
}

const probeIntervalMs = 1000;

const globalState = globalThis as unknown as { rapportDatabaseAvailability?: AvailabilityState };
const state: AvailabilityState = (globalState.rapportDatabaseAvailability ??= {
  unavailableSince: null,
  probing: null,
  lastProbeAt: 0,
  probe: null,
  cold: () => false,
});

/** The open database registers how to ask it whether it answers (`select 1`) and whether it is cold. */
export function registerDatabaseProbe(probe: () => Promise<unknown>, cold: () => boolean = () => false): void {
  state.probe = probe;
  state.cold = cold;
  state.unavailableSince = null;
}

/** Records `error` when it says the database cannot be reached; other errors are ignored. */
export function noteDatabaseFailure(error: unknown): void {
  if (isDatabaseUnavailable(error)) state.unavailableSince ??= Date.now();
}

/** A new connection was opened: the database answers again, so pages need not wait for the next probe. */
export function noteDatabaseReachable(): void {
  state.unavailableSince = null;
}

async function probeNow(probe: () => Promise<unknown>): Promise<boolean> {
  state.lastProbeAt = Date.now();
  try {
    await probe();
    state.unavailableSince = null;
    return true;
  } catch (error) {
    noteDatabaseFailure(error);
    return state.unavailableSince === null;
  }
}

/**
 * False while the database is known to be unreachable (probing it again at most once a second).
 * With no connection open, an outage would only show as a failed page, so it asks first (the
 * connection it opens serves the page next).
 */
export async function databaseIsAvailable(): Promise<boolean> {
  const { probe } = state;
  if (!probe || (state.unavailableSince === null && !state.cold())) return true;
  if (state.unavailableSince !== null && Date.now() - state.lastProbeAt < probeIntervalMs) return false;
  state.probing ??= probeNow(probe).finally(() => {
    state.probing = null;
  });
  return state.probing;
}
