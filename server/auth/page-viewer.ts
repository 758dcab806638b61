import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '../db/client';
import { sessionCookieName } from './sessions';
import { type Viewer, viewerFromSessionToken } from './viewer';

/** The signed-in person for a server-rendered page, looked up once per render. */
export const getPageViewer = cache(async (): Promise<Viewer> => {
  const cookieStore = await cookies();
  return viewerFromSessionToken(await getDb(), cookieStore.get(sessionCookieName)?.value);
});
