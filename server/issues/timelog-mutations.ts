import { builder } from '../graphql/builder';
import type { ServiceResult } from '../errors';
import { getReadableIssueByIdOrThrow } from './issue-repository';
import { createTimelog, deleteTimelog } from './time-tracking-service';
import type { Timelog } from './timelog-repository';
import { TimelogRef } from './timelog-type';

/** GitLab's timelog payloads: the timelog, or null with the errors. */
function payloadOf(result: ServiceResult<Timelog>): { timelog: Timelog | null; errors: string[] } {
  return result.ok ? { timelog: result.value, errors: [] } : { timelog: null, errors: result.errors };
}

const timelogDescription = 'Timelog.';
const errorsDescription = 'Errors encountered during execution of the mutation.';

builder.relayMutationField(
  'timelogCreate',
  {
    name: 'TimelogCreateInput',
    inputFields: (t) => ({
      timeSpent: t.string({ required: true, description: 'Amount of time spent.' }),
      spentAt: t.field({ type: 'Time', description: 'Timestamp of when the time was spent. If empty, defaults to current time.' }),
      summary: t.string({ required: true, description: 'Summary of time spent.' }),
      issuableId: t.field({ type: 'IssuableID', required: true, description: 'Global ID of the issuable (Issue, WorkItem or MergeRequest).' }),
    }),
  },
  {
    nullable: true,
    description: 'Creates a Timelog.',
    resolve: async (_root, { input }, context) => {
      const target = await getReadableIssueByIdOrThrow(context.db, context.permissions, input.issuableId);
      return payloadOf(await createTimelog(context.db, context.permissions, target, input));
    },
  },
  {
    name: 'TimelogCreatePayload',
    outputFields: (t) => ({
      timelog: t.field({ type: TimelogRef, nullable: true, description: timelogDescription, resolve: (payload) => payload.timelog }),
      errors: t.stringList({ description: errorsDescription, resolve: (payload) => payload.errors }),
    }),
  },
);

builder.relayMutationField(
  'timelogDelete',
  {
    name: 'TimelogDeleteInput',
    inputFields: (t) => ({
      id: t.field({ type: 'TimelogID', required: true, description: 'Global ID of the timelog.' }),
    }),
  },
  {
    nullable: true,
    description: 'Deletes a Timelog: its author, or a Maintainer of its project.',
    resolve: async (_root, { input }, context) => payloadOf(await deleteTimelog(context.db, context.permissions, input.id)),
  },
  {
    name: 'TimelogDeletePayload',
    outputFields: (t) => ({
      timelog: t.field({ type: TimelogRef, nullable: true, description: timelogDescription, resolve: (payload) => payload.timelog }),
      errors: t.stringList({ description: errorsDescription, resolve: (payload) => payload.errors }),
    }),
  },
);
