import { defineRelations } from 'drizzle-orm';
import * as audit from './schema/audit';
import * as crm from './schema/crm';
import * as groups from './schema/groups';
import * as issues from './schema/issues';
import * as users from './schema/users';

const { accessLevels: _accessLevels, ...groupTables } = groups;

export const tables = { ...users, ...groupTables, ...crm, ...issues, ...audit };

export const relations = defineRelations(tables, (r) => ({
  users: {
    memberships: r.many.members({ from: r.users.id, to: r.members.userId }),
  },
  groups: {
    parent: r.one.groups({ from: r.groups.parentId, to: r.groups.id, alias: 'parent' }),
    projects: r.many.projects({ from: r.groups.id, to: r.projects.groupId }),
    crmSetting: r.one.groupCrmSettings({ from: r.groups.id, to: r.groupCrmSettings.groupId }),
  },
  projects: {
    group: r.one.groups({ from: r.projects.groupId, to: r.groups.id, optional: false }),
    issues: r.many.issues({ from: r.projects.id, to: r.issues.projectId }),
  },
  issues: {
    project: r.one.projects({ from: r.issues.projectId, to: r.projects.id, optional: false }),
    author: r.one.users({ from: r.issues.authorId, to: r.users.id, optional: false }),
    notes: r.many.notes({ from: r.issues.id, to: r.notes.issueId }),
    timelogs: r.many.timelogs({ from: r.issues.id, to: r.timelogs.issueId }),
    contacts: r.many.contacts({
      from: r.issues.id.through(r.issueContacts.issueId),
      to: r.contacts.id.through(r.issueContacts.contactId),
    }),
  },
  notes: {
    issue: r.one.issues({ from: r.notes.issueId, to: r.issues.id, optional: false }),
    author: r.one.users({ from: r.notes.authorId, to: r.users.id, optional: false }),
  },
  timelogs: {
    issue: r.one.issues({ from: r.timelogs.issueId, to: r.issues.id, optional: false }),
    user: r.one.users({ from: r.timelogs.userId, to: r.users.id, optional: false }),
    note: r.one.notes({ from: r.timelogs.noteId, to: r.notes.id }),
  },
  contacts: {
    group: r.one.groups({ from: r.contacts.groupId, to: r.groups.id, optional: false }),
    organization: r.one.organizations({ from: r.contacts.organizationId, to: r.organizations.id }),
    issues: r.many.issues({
      from: r.contacts.id.through(r.issueContacts.contactId),
      to: r.issues.id.through(r.issueContacts.issueId),
    }),
  },
  organizations: {
    group: r.one.groups({ from: r.organizations.groupId, to: r.groups.id, optional: false }),
    contacts: r.many.contacts({ from: r.organizations.id, to: r.contacts.organizationId }),
  },
}));
