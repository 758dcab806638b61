import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { GroupOverview } from '@/components/groups/group-overview';
import { loadGroupOverview } from '@/server/pages/group-pages';
import { type GroupParams, namespacePathOf, signedInPage } from '@/app/~/namespace-route';

export async function generateMetadata({ params }: { params: GroupParams }): Promise<Metadata> {
  return { title: `Group overview · ${await namespacePathOf(params)}` };
}

export default async function GroupOverviewPage({ params }: { params: GroupParams }) {
  const { viewer, path: fullPath } = await signedInPage(params);
  const group = await loadGroupOverview(viewer, fullPath);
  if (!group) notFound();
  return (
    <GroupOverview
      name={group.name}
      fullPath={group.fullPath}
      description={group.description}
      parent={group.parent}
      subgroups={group.descendantGroups.nodes}
      projects={group.projects.nodes}
    />
  );
}
