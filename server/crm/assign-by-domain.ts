import type { GroupRef } from '../auth/access-lookups';
import type { Permissions } from '../auth/permissions';
import { recordAuditEvents } from '../audit/audit-repository';
import type { Database } from '../db/client';
import { type Contact, contactAudited } from './contact-repository';
import { assignContactOrganizations, contactDomainMatches, type DomainMatch, type Organization } from './organization-repository';

/** A contact and the one organization its email domain belongs to. */
export interface DomainAssignment {
  contact: Contact;
  organization: Organization;
}

/** A contact whose email domain matches several organizations: left alone. */
export interface AmbiguousDomainContact {
  contact: Contact;
  organizations: Organization[];
}

export interface DomainAssignmentPlan {
  assignments: DomainAssignment[];
  ambiguous: AmbiguousDomainContact[];
}

/** Groups the matches per contact: one organization is an assignment, more are ambiguous. */
function planOf(matches: readonly DomainMatch[]): DomainAssignmentPlan {
  const byContact = new Map<number, AmbiguousDomainContact>();
  for (const { contact, organization } of matches) {
    const entry: AmbiguousDomainContact = byContact.get(contact.id) ?? { contact, organizations: [] };
    if (!entry.organizations.some((known) => known.id === organization.id)) entry.organizations.push(organization);
    byContact.set(contact.id, entry);
  }
  const plan: DomainAssignmentPlan = { assignments: [], ambiguous: [] };
  for (const entry of byContact.values()) {
    const [only, ...others] = entry.organizations;
    if (only && others.length === 0) plan.assignments.push({ contact: entry.contact, organization: only });
    else plan.ambiguous.push(entry);
  }
  return plan;
}

/**
 * "Assign contacts by domain" (issue 15): every contact of the CRM group without an organization
 * whose email domain belongs to exactly one organization gets it, with one audit event per contact
 * changed, as an update of its organization. `dryRun` only tells what would change. Contacts whose
 * domain matches several organizations are listed and left alone. Maintainers of the CRM group.
 */
export async function assignContactsByDomain(
  db: Database,
  permissions: Permissions,
  group: GroupRef,
  { dryRun }: { dryRun: boolean },
): Promise<DomainAssignmentPlan> {
  await permissions.assertCanManageCrmGroup(group);
  if (dryRun) return planOf(await contactDomainMatches(db, group.id));
  return db.transaction(async (tx) => {
    const plan = planOf(await contactDomainMatches(tx, group.id));
    const changed = await assignContactOrganizations(
      tx,
      group.id,
      plan.assignments.map(({ contact, organization }) => ({ contactId: contact.id, organizationId: organization.id })),
    );
    const changedIds = new Set(changed.map((row) => row.contactId));
    const applied = plan.assignments.filter(({ contact }) => changedIds.has(contact.id));
    await recordAuditEvents(
      tx,
      permissions.user?.id ?? null,
      applied.map(({ contact, organization }) => ({
        action: 'contact_updated',
        target: contactAudited(contact),
        changes: { organizationId: { before: null, after: organization.id } },
      })),
    );
    return {
      assignments: applied.map(({ contact, organization }) => ({ contact: { ...contact, organizationId: organization.id }, organization })),
      ambiguous: plan.ambiguous,
    };
  });
}
