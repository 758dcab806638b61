import type { ResultOf } from '@graphql-typed-document-node/core';
import Link from 'next/link';
import type { ListQuery } from '@/lib/crm/list-url';
import { graphql } from '@/lib/graphql';
import { groupUrls } from '@/lib/routes';
import { PageHeading } from '../ui/page-heading';
import { linkClass } from '../ui/styles';
import { ContactMergeForm } from './contact-merge-form';
import { type ListPageInfo, ListPagination } from './list-controls';
import { Breadcrumbs } from './record-sections';

export const contactDuplicatePairFragment = graphql(`
  fragment ContactDuplicatePair on RapportContactDuplicate {
    reasons
    contact { ...ContactMergeSide }
    duplicate { ...ContactMergeSide }
  }
`);
type DuplicatePair = ResultOf<typeof contactDuplicatePairFragment>;

const reasonLabels: Record<DuplicatePair['reasons'][number], string> = {
  SAME_NAME: 'same name',
  SAME_PHONE: 'same phone number',
  SIMILAR_NAME: 'similar names in the same organization',
};

export interface ContactDuplicatesProps {
  groupPath: string;
  query: ListQuery;
  defaults: { state: ListQuery['state']; sort: string };
  pairs: DuplicatePair[];
  pageInfo: ListPageInfo;
}

/** The "Possible duplicates" page: each pair side by side with its reasons and a merge form. */
export function ContactDuplicates({ groupPath, query, defaults, pairs, pageInfo }: ContactDuplicatesProps) {
  return (
    <>
      <Breadcrumbs items={[{ label: 'Contacts', href: groupUrls.contacts(groupPath) }, { label: 'Possible duplicates' }]} />
      <PageHeading>Possible duplicate contacts</PageHeading>
      <p className="mb-4 text-sm text-gray-800">
        {pairs.length === 0
          ? 'No possible duplicates found.'
          : 'Pairs of contacts that may be the same person, newest first: same name (ignoring case, accents and spaces), same phone number, or similar names in the same organization. Choose the contact to keep for each pair you merge.'}{' '}
        <Link href={groupUrls.contacts(groupPath)} className={`${linkClass} underline`}>
          Back to contacts
        </Link>
      </p>
      <ol aria-label="Possible duplicates" className="space-y-4">
        {pairs.map((pair) => (
          <li key={`${pair.contact.id}-${pair.duplicate.id}`} className="rounded-md border border-gray-200 p-4">
            <p className="mb-2 text-sm font-medium text-gray-900">Matched by {pair.reasons.map((reason) => reasonLabels[reason]).join(' and ')}</p>
            <ContactMergeForm groupPath={groupPath} contacts={[pair.contact, pair.duplicate]} />
          </li>
        ))}
      </ol>
      <ListPagination location={{ basePath: groupUrls.contactDuplicates(groupPath), query, defaults }} pageInfo={pageInfo} />
    </>
  );
}
