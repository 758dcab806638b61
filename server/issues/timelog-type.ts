import { builder } from '../graphql/builder';
import { type Context, requestLoader } from '../graphql/context';
import { UserRef } from '../users/user-type';
import { IssueRef, projectOfIssue } from './issue-type';
import { NoteRef } from './note-type';
import { formatDuration } from '@/lib/issues/time-tracking-format';
import { createTimelogRelationLoaders, createTotalTimeSpentLoader, type Timelog } from './timelog-repository';

const relationsOf = (context: Context) => requestLoader(context, 'timelogRelations', () => createTimelogRelationLoaders(context.db));

async function issueOfTimelog(context: Context, timelog: Timelog) {
  return relationsOf(context).issues.load(timelog.issueId);
}

/** What the viewer may do with a timelog (GitLab's `TimelogPermissions`). */
const TimelogPermissionsRef = builder.objectRef<Timelog>('TimelogPermissions').implement({
  fields: (t) => ({
    adminTimelog: t.boolean({
      description: 'If `true`, the user can perform `admin_timelog` on this resource',
      resolve: async (timelog, _args, context) => {
        const issue = await issueOfTimelog(context, timelog);
        return issue !== null && context.permissions.canAdminTimelog(await projectOfIssue(context, issue), timelog);
      },
    }),
  }),
});

/** Time logged on an issue (GitLab's `Timelog`), readable by whoever can read the issue. */
export const TimelogRef = builder.drizzleNode('timelogs', {
  name: 'Timelog',
  id: { column: (timelog) => timelog.id, description: 'Global ID of the timelog.' },
  fields: (t) => ({
    timeSpent: t.int({ description: 'Time spent displayed in seconds.', resolve: (timelog) => timelog.timeSpent }),
    spentAt: t.field({
      type: 'Time',
      nullable: true,
      description: 'Timestamp of when the time tracked was spent at.',
      resolve: (timelog) => timelog.spentAt,
    }),
    summary: t.string({ nullable: true, description: 'Summary of how the time was spent.', resolve: (timelog) => timelog.summary }),
    user: t.field({
      type: UserRef,
      description: 'User that logged the time.',
      resolve: async (timelog, _args, context) => {
        const user = await relationsOf(context).users.load(timelog.userId);
        if (!user) throw new Error(`User ${timelog.userId} of timelog ${timelog.id} was not found`);
        return user;
      },
    }),
    note: t.field({
      type: NoteRef,
      nullable: true,
      description: 'Note where the quick action was executed to add the logged time.',
      resolve: (timelog, _args, context) => (timelog.noteId === null ? null : relationsOf(context).notes.load(timelog.noteId)),
    }),
    issue: t.field({
      type: IssueRef,
      nullable: true,
      description: 'Issue that logged time was added to.',
      resolve: (timelog, _args, context) => issueOfTimelog(context, timelog),
    }),
    userPermissions: t.field({
      type: TimelogPermissionsRef,
      description: 'Permissions for the current user on the resource',
      resolve: (timelog) => timelog,
    }),
  }),
});

const totalTimeSpentOf = (context: Context, issueId: number) =>
  requestLoader(context, 'totalTimeSpent', () => createTotalTimeSpentLoader(context.db)).load(issueId);

builder.drizzleObjectFields(IssueRef, (t) => ({
  rapportCanTrackTime: t.boolean({
    description: 'Rapport only: true when the current user may log time on the issue and set its estimate (Reporter and above).',
    resolve: async (issue, _args, context) => context.permissions.canTrackTime(await projectOfIssue(context, issue)),
  }),
  timeEstimate: t.int({ description: 'Time estimate of the issue.', resolve: (issue) => issue.timeEstimate }),
  totalTimeSpent: t.int({
    description: 'Total time (in seconds) reported as spent on the issue.',
    resolve: (issue, _args, context) => totalTimeSpentOf(context, issue.id),
  }),
  humanTimeEstimate: t.string({
    nullable: true,
    description: 'Human-readable time estimate of the issue.',
    resolve: (issue) => formatDuration(issue.timeEstimate),
  }),
  humanTotalTimeSpent: t.string({
    nullable: true,
    description: 'Human-readable total time reported as spent on the issue.',
    resolve: async (issue, _args, context) => formatDuration(await totalTimeSpentOf(context, issue.id)),
  }),
  timelogs: t.relatedConnection(
    'timelogs',
    {
      type: TimelogRef,
      description: 'Timelogs on the issue, in the order the time was spent.',
      query: { orderBy: { spentAt: 'asc', id: 'asc' } },
    },
    { name: 'TimelogConnection', description: 'The connection type for Timelog.' },
    { name: 'TimelogEdge' },
  ),
}));
