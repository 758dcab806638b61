import { PageHeading } from '@/components/ui/page-heading';
import { StatusProvider } from '@/components/ui/status-region';
import { PersonalAccessTokenForm } from '@/components/users/personal-access-token-form';
import { PersonalAccessTokensTable } from '@/components/users/personal-access-tokens-table';
import { pageViewerOrSignIn } from '@/server/pages/page-viewer-or-sign-in';
import { loadPersonalAccessTokensPage } from '@/server/pages/user-settings-pages';

export const metadata = { title: 'Personal access tokens' };

export default async function PersonalAccessTokensPage() {
  const viewer = await pageViewerOrSignIn();
  const { tokens, expiry } = await loadPersonalAccessTokensPage(viewer);
  return (
    <main id="main-content" className="mx-auto w-full max-w-5xl flex-1 space-y-8 px-4 py-6">
      <StatusProvider>
        <PageHeading>Personal access tokens</PageHeading>
        <p className="max-w-2xl text-sm text-gray-800">
          Use a personal access token to call the GraphQL API (<code>/api/graphql</code>) as yourself, with an <code>Authorization: Bearer</code> or{' '}
          <code>PRIVATE-TOKEN</code> header.
        </p>
        <PersonalAccessTokenForm expiry={expiry} />
        <section aria-labelledby="active-tokens-title" className="space-y-3">
          <h2 id="active-tokens-title" className="text-lg font-semibold">
            Active personal access tokens ({tokens.length})
          </h2>
          <PersonalAccessTokensTable tokens={tokens} />
        </section>
      </StatusProvider>
    </main>
  );
}
