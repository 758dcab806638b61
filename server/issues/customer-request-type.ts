import { ContactRef } from '../crm/contact-type';
import { CustomerTierRef } from '../crm/customer-tier-type';
import { builder } from '../graphql/builder';
import { type Context, requestLoader } from '../graphql/context';
import {
  type CustomerRequest,
  type CustomerWeight,
  createCustomerRequestsLoader,
  createCustomerWeightLoader,
  mostRequestedIssuesByTier,
  type WeightTier,
} from './customer-weight-repository';
import { GroupRef } from '../groups/group-type';
import { listSize } from '../pagination/list-size';
import { updateIssueCustomerRequest } from './customer-requests-service';
import { issueContactsAccess } from './issue-contacts-connection';
import { findIssueById, getReadableIssueOrThrow, type Issue } from './issue-repository';
import { IssueRef } from './issue-type';

/**
 * Rapport-only (issue 15): customer requests (an issue's linked contacts, each maybe marked
 * important with a note) and the customer weight of an issue. Both show what the issue's contacts
 * show, so they follow the same rule: null where customer relations are off, nothing for people who
 * may not read the issue's contacts. A list of issues loads them in one statement each (batched).
 */

export const RapportCustomerRequestRef = builder.objectRef<CustomerRequest>('RapportCustomerRequest').implement({
  description: 'Rapport only: a contact linked to an issue, as a customer request: whether it is important, and a note (who asked, where, why).',
  fields: (t) => ({
    contact: t.field({ type: ContactRef, description: 'Contact who asked.', resolve: (request) => request.contact }),
    important: t.boolean({ description: 'True when the request is marked important.', resolve: (request) => request.important }),
    note: t.string({ nullable: true, description: 'Note on the request (at most 255 characters).', resolve: (request) => request.note }),
  }),
});

export const RapportCustomerWeightRef = builder.objectRef<CustomerWeight>('RapportCustomerWeight').implement({
  description:
    "Rapport only: how much an issue matters to customers, from the organizations of its contacts (an organization linked through several contacts counts once).",
  fields: (t) => ({
    organizationCount: t.int({ description: 'Number of distinct organizations linked through the issue contacts.', resolve: (weight) => weight.organizationCount }),
    annualRevenue: t.float({
      nullable: true,
      description: "Sum of the annual revenue of those organizations, in the group's currency; null when none of them has one.",
      resolve: (weight) => weight.annualRevenue,
    }),
    importantRequestCount: t.int({ description: 'Number of issue contacts whose request is marked important.', resolve: (weight) => weight.importantRequestCount }),
    highestTier: t.field({
      type: CustomerTierRef,
      nullable: true,
      description: 'The highest tier (smallest position) among those organizations; null when none has a tier.',
      resolve: (weight) => weight.highestTier,
    }),
  }),
});

const emptyWeight: CustomerWeight = { organizationCount: 0, annualRevenue: null, importantRequestCount: 0, highestTier: null };

/** Resolves `load` for an issue whose contacts the viewer sees; `hidden` when not, null when customer relations are off. */
async function whenContactsShown<T>(context: Context, issue: Pick<Issue, 'projectId'>, hidden: T, load: () => Promise<T>): Promise<T | null> {
  const access = await issueContactsAccess(context, issue.projectId);
  if (access === 'off') return null;
  return access === 'hidden' ? hidden : load();
}

builder.drizzleObjectFields(IssueRef, (t) => ({
  rapportCustomerRequests: t.field({
    type: [RapportCustomerRequestRef],
    nullable: true,
    description:
      "Rapport only: the issue's customer requests, one per linked contact, in the order they were linked. Null when customer relations are off; empty for people who may not read the issue contacts.",
    resolve: (issue, _args, context) =>
      whenContactsShown(context, issue, [], () =>
        requestLoader(context, 'customerRequests', () => createCustomerRequestsLoader(context.db)).load(issue.id),
      ),
  }),
  customerWeight: t.field({
    type: RapportCustomerWeightRef,
    nullable: true,
    description:
      'Rapport only: the customer weight of the issue (the values the CUSTOMER_* and IMPORTANT_REQUESTS_* sorts order by). Null when customer relations are off or the current user may not read the issue contacts.',
    resolve: async (issue, _args, context) =>
      whenContactsShown(context, issue, null, async () =>
        (await requestLoader(context, 'customerWeights', () => createCustomerWeightLoader(context.db)).load(issue.id)) ?? emptyWeight,
      ),
  }),
}));

export const maxIssuesPerTier = 50;

const RapportCustomerRequestsOfTierRef = builder
  .objectRef<{ tier: WeightTier | null; issues: Issue[] }>('RapportCustomerRequestsOfTier')
  .implement({
    description: 'Rapport only: the open issues whose best customer tier is one tier (or none), the most customer weight first.',
    fields: (t) => ({
      tier: t.field({ type: CustomerTierRef, nullable: true, description: 'The tier; null for issues whose organizations have no tier.', resolve: (group) => group.tier }),
      issues: t.field({ type: [IssueRef], description: 'The issues, the most customer weight first.', resolve: (group) => group.issues }),
    }),
  });

builder.drizzleObjectFields(GroupRef, (t) => ({
  rapportCustomerRequests: t.field({
    type: [RapportCustomerRequestsOfTierRef],
    nullable: true,
    description:
      "Rapport only: the open issues that this CRM group's contacts asked for, grouped by the best tier of their organizations (best tier first, then issues without a tier). Within a tier: the most important requests first, then the largest summed annual revenue, then the most organizations, then the newest issue. Issues of projects the current user cannot see are left out. Null unless the current user is a Reporter or above of this CRM group.",
    args: {
      perTier: t.arg.int({ description: `Issues per tier (0 to ${maxIssuesPerTier}, default ${maxIssuesPerTier}).` }),
    },
    select: { columns: { id: true, fullPath: true } },
    resolve: async (group, args, context) => {
      const perTier = listSize('perTier', args.perTier, { defaultSize: maxIssuesPerTier, max: maxIssuesPerTier });
      if (!(await context.permissions.canReadCustomerReport(group))) return null;
      return mostRequestedIssuesByTier(context.db, { crmGroupId: group.id, readableProjects: context.permissions.readableProjectsCondition(), perTier });
    },
  }),
}));

builder.relayMutationField(
  'rapportIssueCustomerRequestUpdate',
  {
    name: 'RapportIssueCustomerRequestUpdateInput',
    inputFields: (t) => ({
      projectPath: t.id({ required: true, description: 'Project the issue is in.' }),
      iid: t.string({ required: true, description: 'IID of the issue.' }),
      contactId: t.field({ type: 'CustomerRelationsContactID', required: true, description: 'Contact already linked to the issue.' }),
      important: t.boolean({ description: 'Marks the request important (true) or not (false); left alone when absent.' }),
      note: t.string({ description: 'Note on the request, at most 255 characters; null or blank clears it, absent leaves it alone.' }),
    }),
  },
  {
    nullable: true,
    description:
      "Rapport only: marks a customer request (a contact linked to the issue) important or not and sets its note. Needs the right to set the issue's contacts (Developer and above).",
    resolve: async (_root, { input }, context) => {
      const target = await getReadableIssueOrThrow(context.db, context.permissions, { projectPath: String(input.projectPath), iid: input.iid });
      const result = await updateIssueCustomerRequest(context.db, context.permissions, target, input.contactId, {
        important: input.important,
        note: input.note,
      });
      return { issue: (await findIssueById(context.db, target.issue.id)) ?? target.issue, errors: result.ok ? [] : result.errors };
    },
  },
  {
    name: 'RapportIssueCustomerRequestUpdatePayload',
    outputFields: (t) => ({
      issue: t.field({ type: IssueRef, nullable: true, description: 'Issue after mutation.', resolve: (payload) => payload.issue }),
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);
