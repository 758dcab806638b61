import { type ContactCardData, ContactHoverCard } from '../crm/contact-hover-card';

export interface IssueSidebarContact extends ContactCardData {
  /** GitLab global ID, e.g. `gid://gitlab/CustomerRelations::Contact/42`. */
  id: string;
}

/**
 * Copies the fields the hover card shows into a plain object: GraphQL results have null prototypes,
 * which React refuses to pass to a client component (and the card needs nothing else).
 */
function cardData(contact: IssueSidebarContact): ContactCardData {
  const { organization } = contact;
  return {
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    phone: contact.phone,
    description: contact.description,
    organization: organization ? { name: organization.name, defaultRate: organization.defaultRate } : null,
  };
}

function numericId(globalId: string): string {
  return globalId.slice(globalId.lastIndexOf('/') + 1);
}

export function contactCountLabel(count: number): string {
  return count === 1 ? '1 contact' : `${count} contacts`;
}

/** The issue sidebar's Contacts section; the page renders it only for people who may read issue contacts. */
export function IssueContactsSection({ projectPath, count, contacts }: { projectPath: string; count: number; contacts: IssueSidebarContact[] }) {
  return (
    <section aria-labelledby="issue-contacts-heading" data-testid="issue-contacts">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="issue-contacts-heading" className="text-sm font-semibold text-gray-900">
          Contacts
        </h2>
        <p className="text-sm text-gray-700">{contactCountLabel(count)}</p>
      </div>
      {contacts.length === 0 ? (
        <p className="mt-2 text-sm text-gray-700">To add active contacts, use /add_contacts.</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {contacts.map((contact) => (
            <li key={contact.id}>
              <ContactHoverCard contact={cardData(contact)} href={`/${projectPath}/-/issues?crm_contact_id=${numericId(contact.id)}`} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
