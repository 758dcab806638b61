import { builder } from '../graphql/builder';
import { getGroupOrThrow } from '../groups/group-repository';
import { type AmbiguousDomainContact, assignContactsByDomain, type DomainAssignment, type DomainAssignmentPlan } from './assign-by-domain';
import { ContactRef } from './contact-type';
import { OrganizationRef } from './organization-type';

const DomainAssignmentRef = builder.objectRef<DomainAssignment>('RapportDomainAssignment').implement({
  description: 'Rapport only: a contact given (or, in a dry run, to be given) the organization its email domain belongs to.',
  fields: (t) => ({
    contact: t.field({ type: ContactRef, description: 'The contact.', resolve: (assignment) => assignment.contact }),
    organization: t.field({ type: OrganizationRef, description: 'Its organization.', resolve: (assignment) => assignment.organization }),
  }),
});

const AmbiguousDomainContactRef = builder.objectRef<AmbiguousDomainContact>('RapportAmbiguousDomainContact').implement({
  description: 'Rapport only: a contact whose email domain belongs to several organizations, so it is left alone.',
  fields: (t) => ({
    contact: t.field({ type: ContactRef, description: 'The contact.', resolve: (entry) => entry.contact }),
    organizations: t.field({ type: [OrganizationRef], description: 'The organizations its domain matches.', resolve: (entry) => entry.organizations }),
  }),
});

builder.relayMutationField(
  'rapportContactsAssignByDomain',
  {
    name: 'RapportContactsAssignByDomainInput',
    inputFields: (t) => ({
      groupId: t.field({ type: 'GroupID', required: true, description: 'The CRM group.' }),
      dryRun: t.boolean({ defaultValue: false, description: 'Only tell what would change (the preview).' }),
    }),
  },
  {
    nullable: true,
    description:
      'Rapport only: gives every contact without an organization the one organization its email domain (or a parent domain) belongs to, with an audit event per contact. Needs the Maintainer role.',
    resolve: async (_root, { input }, context) => {
      const group = await getGroupOrThrow(context.db, input.groupId);
      const plan = await assignContactsByDomain(context.db, context.permissions, group, { dryRun: input.dryRun ?? false });
      return { plan, dryRun: input.dryRun ?? false };
    },
  },
  {
    name: 'RapportContactsAssignByDomainPayload',
    outputFields: (t) => ({
      dryRun: t.boolean({ description: 'True when nothing was changed.', resolve: (payload: { dryRun: boolean }) => payload.dryRun }),
      assignments: t.field({
        type: [DomainAssignmentRef],
        description: 'The contacts given an organization (in a dry run: that would be).',
        resolve: (payload: { plan: DomainAssignmentPlan }) => payload.plan.assignments,
      }),
      ambiguous: t.field({
        type: [AmbiguousDomainContactRef],
        description: 'The contacts left alone because their domain matches several organizations.',
        resolve: (payload: { plan: DomainAssignmentPlan }) => payload.plan.ambiguous,
      }),
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: () => [] }),
    }),
  },
);
