import { type SQL, sql } from 'drizzle-orm';
import { contacts } from '../db/schema/crm';
import { issueContacts } from '../db/schema/issues';
import { ProjectRef } from '../groups/project-type';
import { builder } from '../graphql/builder';
import { IssueStateEnum } from './issue-type';

/** GitLab passes CRM IDs to this filter as numeric strings (`crmContactId: "42"`). */
function numericId(value: string | null | undefined): number | null | undefined {
  if (value == null || value === '') return undefined;
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/**
 * `Project.issues`, newest first, with GitLab's state and CRM filters. Filtering by contact or
 * organization needs the right to see issue contacts; without it the list is empty, so the filter
 * cannot be used to learn which issues a contact is linked to.
 */
builder.drizzleObjectFields(ProjectRef, (t) => ({
  issues: t.drizzleConnection(
    {
      type: 'issues',
      nullable: true,
      description: 'Issues of the project.',
      args: {
        state: t.arg({ type: IssueStateEnum, description: 'Current state of the issue.' }),
        crmContactId: t.arg.string({ description: 'Filter by ID of contact.' }),
        crmOrganizationId: t.arg.string({ description: 'Filter by ID of organization.' }),
      },
      resolve: async (query, project, args, context) => {
        const contactId = numericId(args.crmContactId);
        const organizationId = numericId(args.crmOrganizationId);
        const filtersByCrm = contactId !== undefined || organizationId !== undefined;
        const refuse = contactId === null || organizationId === null || (filtersByCrm && !(await context.permissions.canReadIssueContacts(project)));
        return context.db.query.issues.findMany(
          query({
            where: {
              RAW: (table) => {
                const conditions: SQL[] = [sql`${table.projectId} = ${project.id}`];
                if (refuse) conditions.push(sql`false`);
                if (args.state === 'opened' || args.state === 'closed') conditions.push(sql`${table.state} = ${args.state}`);
                if (typeof contactId === 'number') {
                  conditions.push(
                    sql`exists (select 1 from ${issueContacts} where ${issueContacts.issueId} = ${table.id} and ${issueContacts.contactId} = ${contactId})`,
                  );
                }
                if (typeof organizationId === 'number') {
                  conditions.push(
                    sql`exists (select 1 from ${issueContacts} inner join ${contacts} on ${contacts.id} = ${issueContacts.contactId} where ${issueContacts.issueId} = ${table.id} and ${contacts.organizationId} = ${organizationId})`,
                  );
                }
                return sql.join(conditions, sql` and `);
              },
            },
            orderBy: { createdAt: 'desc' },
          }),
        );
      },
    },
    { name: 'IssueConnection', description: 'The connection type for Issue.' },
    { name: 'IssueEdge' },
  ),
}));
