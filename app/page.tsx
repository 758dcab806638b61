import { NamespaceList } from '@/components/groups/namespace-list';
import { PageHeading } from '@/components/ui/page-heading';
import { groupUrls } from '@/lib/routes';
import { loadViewerGroups } from '@/server/pages/group-pages';
import { pageViewerOrSignIn } from '@/server/pages/page-viewer-or-sign-in';

// The root layout's title template applies only to the segments below it.
export const metadata = { title: { absolute: 'Groups · Rapport' } };

export default async function HomePage() {
  const viewer = await pageViewerOrSignIn();
  const groups = await loadViewerGroups(viewer);
  const heading = viewer.user.admin ? 'All groups' : 'Your groups';
  return (
    <main id="main-content" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6">
      <PageHeading>{heading}</PageHeading>
      {groups.length === 0 ? (
        <p className="text-gray-700">You are not a member of any group yet.</p>
      ) : (
        <NamespaceList items={groups} hrefFor={(group) => groupUrls.overview(group.fullPath)} label={heading} />
      )}
    </main>
  );
}
