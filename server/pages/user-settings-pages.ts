import 'server-only';
import { graphql } from '@/lib/graphql';
import { addDays, defaultTokenLifetimeDays, maxTokenLifetimeDays, utcToday } from '../auth/personal-access-tokens';
import type { Viewer } from '../auth/viewer';
import { executeGraphQL } from '../graphql/execute';

const personalAccessTokensQuery = graphql(`
  query RapportPersonalAccessTokens {
    rapportPersonalAccessTokens { ...PersonalAccessTokenRow }
  }
`);

/** The viewer's active tokens, and the expiry dates the form offers (GitLab's: 30 days proposed, 365 at most). */
export async function loadPersonalAccessTokensPage(viewer: Viewer) {
  const data = await executeGraphQL(viewer, personalAccessTokensQuery, {});
  const today = utcToday();
  return {
    tokens: data.rapportPersonalAccessTokens,
    expiry: { defaultDate: addDays(today, defaultTokenLifetimeDays), minDate: addDays(today, 1), maxDate: addDays(today, maxTokenLifetimeDays) },
  };
}
