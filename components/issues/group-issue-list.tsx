import { groupUrls } from '@/lib/routes';
import { PageHeading } from '../ui/page-heading';
import { IssueList, type IssueListProps } from './issue-list';

export interface GroupIssueListProps extends Omit<IssueListProps, 'listPath' | 'showProject'> {
  group: { fullPath: string };
}

/** The issues of every project under the group that the viewer may read (inside the group layout's main area). */
export function GroupIssueList({ group, ...list }: GroupIssueListProps) {
  return (
    <>
      <PageHeading>Issues</PageHeading>
      <IssueList listPath={groupUrls.issues(group.fullPath)} showProject {...list} />
    </>
  );
}
