import { csvImportMaxBytes, csvImportMaxSizeLabel } from '@/lib/crm/csv-import-fields';
import { databaseIsAvailable } from '../db/availability';

/**
 * Answers, before Next.js renders anything, the page requests it would otherwise fail with a 500:
 * a form post (server action) from another origin (403), without a Content-Length (411) or with a
 * body over Next.js's 1 MB limit for server actions, or the CSV import's limit for its uploads (413), and any page while the database cannot be reached (503, until a probe
 * finds it back). Everything else goes on to Next.js (null).
 */

export const maxServerActionBodyBytes = 1024 * 1024;

/**
 * The CSV import's upload route (server/pages/crm-import-upload.ts) takes files up to the import's
 * own limit: its GitLab-style path, and the internal route Next's server runs the proxy on again.
 */
const importUploadPath = /^\/(?:groups\/[^?#]+\/-|~\/groups\/[^/]+)\/crm\/import\/upload$/;

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

const unavailablePage = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Temporarily unavailable · Rapport</title></head>
<body>
<main id="main-content">
<h1>Temporarily unavailable</h1>
<p>Rapport cannot reach its database right now. Nothing you saved is lost; try again in a moment.</p>
<p><a href="">Try again</a></p>
</main>
</body>
</html>
`;

function unavailable(): Response {
  return new Response(unavailablePage, {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '5' },
  });
}

/** The host the browser addressed, as Next.js compares it with `Origin` for server actions. */
function requestHost(headers: Headers): string | null {
  return headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
}

function isForeignOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin === null) return false;
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== requestHost(headers);
  } catch {
    return true;
  }
}

export async function guardPageRequest(request: Request): Promise<Response | null> {
  if (request.method === 'POST') {
    if (isForeignOrigin(request.headers)) return textResponse(403, 'Forbidden: this form was sent from another site.');
    // Browsers always send the length of a form or a server action; without it Next.js would
    // find the size out only by reading, and answer an oversized body with a 500.
    const declared = request.headers.get('content-length');
    if (declared === null || !/^\d+$/.test(declared)) return textResponse(411, 'Length required: send the Content-Length of the form.');
    if (importUploadPath.test(new URL(request.url).pathname)) {
      if (Number(declared) > csvImportMaxBytes) return textResponse(413, `Payload too large: a file may be at most ${csvImportMaxSizeLabel}.`);
    } else if (Number(declared) > maxServerActionBodyBytes) return textResponse(413, 'Payload too large: a form may send at most 1 MB.');
  }
  if (!(await databaseIsAvailable())) return unavailable();
  return null;
}
