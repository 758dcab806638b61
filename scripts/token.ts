/**
 * `npm run --silent token -- --user <username> [--scopes api,read_api] [--name <name>] [--expires-at YYYY-MM-DD]`
 * Creates a personal access token and prints only the token on stdout. Like the tokens page, it
 * expires after at most 365 days (365 when no date is given).
 * Uses DATABASE_URL, else the embedded database in ./.data/ (only while the server is not running:
 * PGlite cannot be opened by two processes at once).
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createPersonalAccessTokenFor } from '../server/auth/personal-access-tokens';
import { isTokenScope, tokenScopes, type TokenScope } from '../server/auth/tokens';
import { users } from '../server/db/schema/users';
import { runWithDatabase } from './with-database';

const usage = 'Usage: npm run --silent token -- --user <username> [--scopes api|read_api] [--name <name>] [--expires-at YYYY-MM-DD]';

class UsageError extends Error {}

function parseOptions(): { username: string; scopes: TokenScope[]; name: string; expiresAt: string | null } {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        user: { type: 'string', short: 'u' },
        scopes: { type: 'string', short: 's', default: 'api' },
        name: { type: 'string', short: 'n', default: 'cli' },
        'expires-at': { type: 'string', short: 'e' },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  const username = values.user?.trim();
  if (!username) throw new UsageError(`Missing --user.\n${usage}`);
  const requested = (values.scopes ?? 'api')
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope.length > 0);
  if (requested.length === 0) throw new UsageError(`Missing scopes. Valid scopes: ${tokenScopes.join(', ')}.`);
  const invalid = requested.filter((scope) => !isTokenScope(scope));
  if (invalid.length > 0) {
    throw new UsageError(`Unknown scope ${invalid.map((s) => `"${s}"`).join(', ')}. Valid scopes: ${tokenScopes.join(', ')}.`);
  }
  const name = (values.name ?? 'cli').trim();
  if (!name) throw new UsageError(`The token name cannot be blank.\n${usage}`);
  return { username, scopes: [...new Set(requested as TokenScope[])], name, expiresAt: values['expires-at'] ?? null };
}

runWithDatabase(async (db) => {
  const options = parseOptions();
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${options.username})`)
    .limit(1);
  if (!user) throw new UsageError(`No user with username "${options.username}".`);
  const created = await createPersonalAccessTokenFor(db, user.id, { name: options.name, scopes: options.scopes, expiresAt: options.expiresAt });
  if (!created.ok) throw new UsageError(created.errors.join('\n'));
  process.stdout.write(`${created.value.token}\n`);
});
