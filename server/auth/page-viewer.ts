import { cookies } from 'next/headers';
import { cache } from 'react';
import { noteDatabaseFailure } from '../db/availability';
import { getDb } from '../db/client';
import { DatabaseUnavailableError, isDatabaseUnavailable } from '../db/errors';
import { sessionCookieName } from './sessions';
import { type Viewer, viewerFromSessionToken } from './viewer';

/**
 * The signed-in person for a server-rendered page, looked up once per render. An unreachable
 * database is recorded (the next page requests answer 503 until it is back) and reported as such.
 */
export const getPageViewer = cache(async (): Promise<Viewer> => {
  const cookieStore = await cookies();
  try {
    return await viewerFromSessionToken(await getDb(), cookieStore.get(sessionCookieName)?.value);
  } catch (error) {
    noteDatabaseFailure(error);
    throw isDatabaseUnavailable(error) ? new DatabaseUnavailableError() : error;
  }
});
