/** Calls a running server's GraphQL API over loopback with a personal access token. */

export interface ApiResponse<T> {
  /** HTTP status, or 0 when no answer came in time (`timedOut`) or the connection failed. */
  status: number;
  data: T | null;
  errors: string[];
  timedOut: boolean;
  elapsedMs: number;
}

export async function callApi<T>(
  baseUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
  timeoutMs = 30_000,
): Promise<ApiResponse<T>> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body: { data?: T; errors?: { message: string }[] } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
    }
    return {
      status: response.status,
      data: body.data ?? null,
      errors: (body.errors ?? []).map((error) => error.message),
      timedOut: false,
      elapsedMs: performance.now() - started,
    };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return { status: 0, data: null, errors: [String(error)], timedOut, elapsedMs: performance.now() - started };
  }
}

/** The data of a call that must succeed; anything else fails the test with what the server said. */
export async function apiData<T>(baseUrl: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await callApi<T>(baseUrl, token, query, variables);
  if (response.status !== 200 || response.errors.length > 0 || !response.data) {
    throw new Error(`GraphQL call failed (${response.status}): ${response.errors.join('; ')}`);
  }
  return response.data;
}

/** Fetches a page with a timeout; the status, or 0 when no answer came. */
export async function fetchPage(url: string, headers: Record<string, string>, timeoutMs = 30_000): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: 0, text: String(error) };
  }
}
