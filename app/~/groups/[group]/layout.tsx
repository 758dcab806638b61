import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { GroupLayout } from '@/components/groups/group-layout';
import { loadGroupSummary } from '@/server/pages/group-summary';
import { type GroupParams, signedInPage } from '@/app/~/namespace-route';

/** The sidebar and main area of every group page (`/groups/<group path>[/-/…]`). */
export default async function GroupRouteLayout({ params, children }: { params: GroupParams; children: ReactNode }) {
  const { viewer, path: fullPath } = await signedInPage(params);
  const group = await loadGroupSummary(viewer, fullPath);
  if (!group) notFound();
  return <GroupLayout group={group}>{children}</GroupLayout>;
}
