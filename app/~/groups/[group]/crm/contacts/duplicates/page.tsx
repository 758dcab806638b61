import type { Metadata } from 'next';
import { ContactDuplicates } from '@/components/crm/contact-duplicates';
import { duplicatesListDefaults, loadContactDuplicates } from '@/server/pages/contact-duplicates-page';
import { namespacePathOf } from '@/app/~/namespace-route';
import { type CrmListRouteProps, crmListOrNotFound } from '../../crm-list-route';

export async function generateMetadata({ params }: Pick<CrmListRouteProps, 'params'>): Promise<Metadata> {
  return { title: `Possible duplicates · Contacts · ${await namespacePathOf(params)}` };
}

/** Maintainers and above (merging deletes a contact); a 404 for anyone else. */
export default async function ContactDuplicatesPage(props: CrmListRouteProps) {
  const page = await crmListOrNotFound(loadContactDuplicates, props);
  return (
    <ContactDuplicates
      groupPath={page.group.fullPath}
      query={page.query}
      defaults={duplicatesListDefaults}
      pairs={page.pairs}
      pageInfo={page.pageInfo}
    />
  );
}
