import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ContactDetail } from '@/components/crm/contact-detail';
import { getPageViewer } from '@/server/auth/page-viewer';
import { loadContactPage } from '@/server/pages/crm-record-pages';
import { type GroupParams, namespacePathOf, signedInPage } from '@/app/~/namespace-route';

type ContactParams = GroupParams<{ id: string }>;

// Shared by generateMetadata and the page, so the page runs its query once.
const contactPage = cache(async (fullPath: string, id: string) => loadContactPage(await getPageViewer(), fullPath, id));

export async function generateMetadata({ params }: { params: ContactParams }): Promise<Metadata> {
  const fullPath = await namespacePathOf(params);
  // A failure here (the database gone) is the page's to report, with its status.
  const contact = (await contactPage(fullPath, (await params).id).catch(() => null))?.record;
  return { title: contact ? `${contact.firstName} ${contact.lastName} · Contacts · ${fullPath}` : 'Page not found' };
}

export default async function ContactPage({ params }: { params: ContactParams }) {
  const { path: fullPath } = await signedInPage(params);
  const found = await contactPage(fullPath, (await params).id);
  if (!found) notFound();
  const { group, abilities, record } = found;
  return <ContactDetail groupId={group.id} groupPath={group.fullPath} canEdit={abilities.canAdmin} canDelete={abilities.canDelete} contact={record} />;
}
