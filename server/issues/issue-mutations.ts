import { builder } from '../graphql/builder';
import { getReadableIssueOrThrow, getReadableProjectOrThrow } from './issue-repository';
import { IssueRef } from './issue-type';
import { createIssue, updateIssue } from './issues-service';

export const IssueStateEventEnum = builder.enumType('IssueStateEvent', {
  description: 'Values for issue state events',
  values: {
    REOPEN: { value: 'reopen', description: 'Reopens the issue.' },
    CLOSE: { value: 'close', description: 'Closes the issue.' },
  } as const,
});

const errorsDescription = 'Errors encountered during execution of the mutation.';

builder.relayMutationField(
  'createIssue',
  {
    name: 'CreateIssueInput',
    inputFields: (t) => ({
      projectPath: t.id({ required: true, description: 'Project full path the issue is associated with.' }),
      title: t.string({ required: true, description: 'Title of the issue.' }),
      description: t.string({ description: 'Description of the issue. Quick actions in it are run and removed.' }),
    }),
  },
  {
    nullable: true,
    description: 'Creates an issue. `/add_contacts` and `/remove_contacts` in the description are run.',
    resolve: async (_root, { input }, context) => {
      const project = await getReadableProjectOrThrow(context.permissions, String(input.projectPath));
      const result = await createIssue(context.db, context.permissions, project, input);
      return result.ok ? { issue: result.value, errors: [] } : { issue: null, errors: result.errors };
    },
  },
  {
    name: 'CreateIssuePayload',
    outputFields: (t) => ({
      issue: t.field({ type: IssueRef, nullable: true, description: 'Issue after mutation.', resolve: (payload) => payload.issue }),
      errors: t.stringList({ description: errorsDescription, resolve: (payload) => payload.errors }),
    }),
  },
);

builder.relayMutationField(
  'updateIssue',
  {
    name: 'UpdateIssueInput',
    inputFields: (t) => ({
      projectPath: t.id({ required: true, description: 'Project the issue to mutate is in.' }),
      iid: t.string({ required: true, description: 'IID of the issue to mutate.' }),
      title: t.string({ description: 'Title of the issue.' }),
      description: t.string({ description: 'Description of the issue. Quick actions in it are run and removed.' }),
      stateEvent: t.field({ type: IssueStateEventEnum, description: 'Close or reopen an issue.' }),
    }),
  },
  {
    nullable: true,
    description: 'Updates an issue: its title, its description, or its state.',
    resolve: async (_root, { input }, context) => {
      const target = await getReadableIssueOrThrow(context.db, context.permissions, { projectPath: String(input.projectPath), iid: input.iid });
      const result = await updateIssue(context.db, context.permissions, target, {
        ...(input.title === undefined ? {} : { title: input.title }),
        ...(input.description === undefined ? {} : { description: input.description }),
        stateEvent: input.stateEvent,
      });
      return { issue: result.ok ? result.value : target.issue, errors: result.ok ? [] : result.errors };
    },
  },
  {
    name: 'UpdateIssuePayload',
    outputFields: (t) => ({
      issue: t.field({ type: IssueRef, nullable: true, description: 'Issue after mutation.', resolve: (payload) => payload.issue }),
      errors: t.stringList({ description: errorsDescription, resolve: (payload) => payload.errors }),
    }),
  },
);
