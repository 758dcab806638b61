import { ContactRef } from '../crm/contact-type';
import { organizationLoader } from '../crm/organization-loader';
import { OrganizationRef } from '../crm/organization-type';
import { builder } from '../graphql/builder';
import { type Context, requestLoader } from '../graphql/context';
import { listSize } from '../pagination/list-size';
import { UserRef } from '../users/user-type';
import { type AuditActivity, type AuditTargetType, createActivityLoader, maxActivityEvents } from './audit-repository';

/**
 * Rapport-only: a contact's or organization's recent activity from the audit log, for the detail
 * pages. Readable by whoever can read the record (it was reached through its group's list).
 */

interface AuditChange {
  field: string;
  value: unknown;
}

const deletedOrganization = 'a deleted organization';

function encoded(value: unknown): string | null {
  return value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);
}

/** The organization IDs an `organizationId` change recorded: one ID, or `{ before, after }`. */
function organizationIds(value: unknown): number[] {
  const parts = value !== null && typeof value === 'object' ? Object.values(value) : [value];
  return parts.filter((part): part is number => typeof part === 'number');
}

/** An `organizationId` change with names for the IDs, looked up for the whole request in one statement. */
async function withOrganizationNames(context: Context, value: unknown): Promise<unknown> {
  const ids = organizationIds(value);
  const found = await organizationLoader(context).loadMany(ids);
  const names = new Map(
    ids.map((id, index) => {
      const organization = found[index];
      return [id, organization && !(organization instanceof Error) ? organization.name : deletedOrganization] as const;
    }),
  );
  const named = (part: unknown): unknown =>
    typeof part === 'number'
      ? names.get(part)
      : part !== null && typeof part === 'object'
        ? Object.fromEntries(Object.entries(part).map(([key, inner]) => [key, named(inner)]))
        : part;
  return named(value);
}

const AuditChangeRef = builder.objectRef<AuditChange>('RapportAuditChange').implement({
  description: 'Rapport only: one changed field of an audit event.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'Name of the field.' }),
    value: t.string({
      nullable: true,
      description: 'What was recorded for the field: the text itself, or JSON for anything else (`{"before": …, "after": …}` for an update).',
      resolve: (change) => encoded(change.value),
    }),
    text: t.string({
      nullable: true,
      description:
        "The recorded value as a person reads it, in the same form as `value`: organization IDs become the organizations' names (\"a deleted organization\" when it is gone).",
      resolve: async (change, _args, context) => encoded(change.field === 'organizationId' ? await withOrganizationNames(context, change.value) : change.value),
    }),
  }),
});

const AuditEventRef = builder.objectRef<AuditActivity>('RapportAuditEvent').implement({
  description: 'Rapport only: one entry of the audit log.',
  fields: (t) => ({
    id: t.id({ description: 'ID of the audit event.', resolve: (event) => event.id }),
    action: t.exposeString('action', { description: 'What happened, for example `contact_updated`.' }),
    actor: t.field({ type: UserRef, nullable: true, description: 'Who did it (null when the user was deleted).', resolve: (event) => event.actor }),
    createdAt: t.expose('createdAt', { type: 'Time', description: 'When it happened.' }),
    changes: t.field({
      type: [AuditChangeRef],
      description: 'The fields the event recorded.',
      resolve: (event) => Object.entries(event.changes).map(([field, value]) => ({ field, value })),
    }),
  }),
});

const firstArgDescription = `Number of entries (0 to ${maxActivityEvents}).`;

/** One batched statement per request, whatever the number of records asking. */
async function loadActivity(context: Context, targetType: AuditTargetType, first: number | null | undefined, record: { id: number; groupId: number }) {
  const limit = listSize('first', first, { defaultSize: 20, max: maxActivityEvents });
  if (limit === 0) return [];
  return requestLoader(context, `activity:${targetType}:${limit}`, () =>
    createActivityLoader(context.db, targetType, limit, context.permissions.readableProjectsCondition()),
  ).load({
    groupId: record.groupId,
    targetId: record.id,
  });
}

builder.objectFields(ContactRef, (t) => ({
  rapportActivity: t.field({
    type: [AuditEventRef],
    description: 'Rapport only: the newest entries of the audit log for this contact, newest first.',
    args: { first: t.arg.int({ defaultValue: 20, description: firstArgDescription }) },
    resolve: (contact, args, context) => loadActivity(context, 'CustomerRelations::Contact', args.first, contact),
  }),
}));

builder.objectFields(OrganizationRef, (t) => ({
  rapportActivity: t.field({
    type: [AuditEventRef],
    description: 'Rapport only: the newest entries of the audit log for this organization, newest first.',
    args: { first: t.arg.int({ defaultValue: 20, description: firstArgDescription }) },
    resolve: (organization, args, context) => loadActivity(context, 'CustomerRelations::Organization', args.first, organization),
  }),
}));
