/**
 * Runs `request` from `concurrency` workers, one request at a time each, until `durationMs` has
 * passed, `maxRequests` have started or `stopWhen` says so: a load that always ends, whatever the
 * server does.
 */
export async function runBoundedLoad(options: {
  concurrency: number;
  durationMs: number;
  maxRequests: number;
  stopWhen?: () => boolean;
  request: (sequence: number) => Promise<void>;
}): Promise<{ requests: number; elapsedMs: number }> {
  const started = performance.now();
  const deadline = started + options.durationMs;
  let issued = 0;
  const worker = async () => {
    while (performance.now() < deadline && issued < options.maxRequests && !options.stopWhen?.()) {
      const sequence = issued;
      issued += 1;
      await options.request(sequence);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { requests: issued, elapsedMs: performance.now() - started };
}
