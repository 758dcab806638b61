import type { ResultOf } from '@graphql-typed-document-node/core';
import Link from 'next/link';
import { graphql } from '@/lib/graphql';
import { groupUrls } from '@/lib/routes';
import { customerWeightSummary } from '../issues/issue-list';
import { PageHeading } from '../ui/page-heading';
import { linkClass } from '../ui/styles';
import { Breadcrumbs, Section } from './record-sections';

export const customerRequestsOfTierFragment = graphql(`
  fragment CustomerRequestsOfTier on RapportCustomerRequestsOfTier {
    tier { id name position }
    issues {
      id title webUrl reference(full: true)
      customerWeight { organizationCount annualRevenue importantRequestCount highestTier { name } }
      rapportCustomerRequests { important note contact { id firstName lastName organization { id name } } }
    }
  }
`);
type CustomerRequestsOfTier = ResultOf<typeof customerRequestsOfTierFragment>;
type RequestedIssue = CustomerRequestsOfTier['issues'][number];

/** The organizations asking for an issue (contacts without one by name), each with its requests. */
function Requests({ requests }: { requests: NonNullable<RequestedIssue['rapportCustomerRequests']> }) {
  return (
    <ul className="mt-2 space-y-1 text-sm" aria-label="Requests">
      {requests.map(({ contact, important, note }) => (
        <li key={contact.id} className="text-gray-800">
          <span className="font-medium text-gray-900">{contact.organization?.name ?? 'No organization'}</span> · {contact.firstName} {contact.lastName}
          {important ? <span className="ml-2 rounded-full bg-amber-100 px-2 text-xs font-medium text-amber-900">Important</span> : null}
          {note ? <span className="block break-words text-gray-700">“{note}”</span> : null}
        </li>
      ))}
    </ul>
  );
}

function TierSection({ group, index }: { group: CustomerRequestsOfTier; index: number }) {
  const title = group.tier ? group.tier.name : 'No tier';
  return (
    <Section id={`tier-${index}`} title={title}>
      <ol className="divide-y divide-gray-200" aria-label={`Issues asked for by ${title} customers`}>
        {group.issues.map((issue) => {
          const summary = issue.customerWeight ? customerWeightSummary(issue.customerWeight) : null;
          return (
            <li key={issue.id} data-testid="requested-issue" className="py-3">
              <Link href={issue.webUrl} className={`${linkClass} font-medium break-words`}>
                {issue.title}
              </Link>
              <p className="text-sm text-gray-700">
                {issue.reference}
                {summary ? ` · ${summary}` : null}
              </p>
              <Requests requests={issue.rapportCustomerRequests ?? []} />
            </li>
          );
        })}
      </ol>
    </Section>
  );
}

/**
 * The open issues this group's customers asked for, grouped by the best tier among the
 * organizations asking (best first, then those without a tier): at most 50 per tier, the most
 * important requests first.
 */
export function CustomerRequestsView({ groupPath, tiers }: { groupPath: string; tiers: CustomerRequestsOfTier[] }) {
  return (
    <>
      <Breadcrumbs items={[{ label: 'Organizations', href: groupUrls.organizations(groupPath) }, { label: 'Customer requests' }]} />
      <PageHeading>Customer requests</PageHeading>
      <p className="mb-4 text-sm text-gray-800">
        Open issues linked to this group&apos;s contacts, by the best tier of the organizations asking for them. Within a tier: the most important
        requests first, then the largest revenue, then the most customers (at most 50 per tier).
      </p>
      {tiers.length === 0 ? (
        <p className="py-8 text-center text-gray-700">No open issues have customer requests.</p>
      ) : (
        tiers.map((group, index) => <TierSection key={group.tier?.id ?? 'none'} group={group} index={index} />)
      )}
    </>
  );
}
