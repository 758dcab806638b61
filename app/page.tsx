import Link from 'next/link';
import { PageHeading } from '@/components/ui/page-heading';
import { linkClass } from '@/components/ui/styles';
import { loadViewerGroups } from '@/server/pages/group-pages';
import { pageViewerOrSignIn } from '@/server/pages/page-viewer-or-sign-in';

export const metadata = { title: 'Your groups' };

export default async function HomePage() {
  const viewer = await pageViewerOrSignIn('/');
  const groups = await loadViewerGroups(viewer);
  return (
    <main id="main-content" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6">
      <PageHeading>Your groups</PageHeading>
      {groups.length === 0 ? (
        <p className="text-gray-700">You are not a member of any group yet.</p>
      ) : (
        <ul className="divide-y divide-gray-200 rounded-md border border-gray-200">
          {groups.map((group) => (
            <li key={group.id} className="px-4 py-3">
              <Link href={`/groups/${group.fullPath}`} className={`${linkClass} font-medium`}>
                {group.name}
              </Link>
              <span className="ml-2 text-sm text-gray-600">{group.fullPath}</span>
              {group.description ? <p className="mt-1 text-sm text-gray-700">{group.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
