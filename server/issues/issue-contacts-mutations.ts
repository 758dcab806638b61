import { builder } from '../graphql/builder';
import { findIssueById, getReadableIssueOrThrow } from './issue-repository';
import { IssueRef } from './issue-type';
import { type IssueContactChanges, setIssueContacts } from './set-issue-contacts';

export const MutationOperationModeEnum = builder.enumType('MutationOperationMode', {
  description: 'Different toggles for changing mutator behavior.',
  values: {
    REPLACE: { description: 'Performs a replace operation.' },
    APPEND: { description: 'Performs an append operation.' },
    REMOVE: { description: 'Performs a removal operation.' },
  } as const,
});

function changesFor(mode: 'REPLACE' | 'APPEND' | 'REMOVE' | null | undefined, contactIds: number[]): IssueContactChanges {
  if (mode === 'APPEND') return { add: contactIds };
  if (mode === 'REMOVE') return { remove: contactIds };
  return { replace: contactIds };
}

builder.relayMutationField(
  'issueSetCrmContacts',
  {
    name: 'IssueSetCrmContactsInput',
    inputFields: (t) => ({
      projectPath: t.id({ required: true, description: 'Project the issue to mutate is in.' }),
      iid: t.string({ required: true, description: 'IID of the issue to mutate.' }),
      contactIds: t.field({
        type: ['CustomerRelationsContactID'],
        required: true,
        description: 'Customer relations contact IDs to set. Replaces existing contacts by default.',
      }),
      operationMode: t.field({
        type: MutationOperationModeEnum,
        defaultValue: 'REPLACE',
        description: 'Changes the operation mode. Defaults to REPLACE.',
      }),
    }),
  },
  {
    nullable: true,
    description: 'Adds, removes or replaces the customer relations contacts of an issue.',
    resolve: async (_root, { input }, context) => {
      const target = await getReadableIssueOrThrow(context.db, context.permissions, { projectPath: String(input.projectPath), iid: input.iid });
      const result = await setIssueContacts(
        context.db,
        context.permissions,
        { id: target.issue.id, project: target.project },
        changesFor(input.operationMode, input.contactIds),
      );
      return { issue: (await findIssueById(context.db, target.issue.id)) ?? target.issue, errors: result.ok ? [] : result.errors };
    },
  },
  {
    name: 'IssueSetCrmContactsPayload',
    outputFields: (t) => ({
      issue: t.field({ type: IssueRef, nullable: true, description: 'Issue after mutation.', resolve: (payload) => payload.issue }),
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);
