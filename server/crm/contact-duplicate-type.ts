import { GroupRef } from '../groups/group-type';
import { builder } from '../graphql/builder';
import { countedPage, countOf, emptyPage } from '../graphql/connections';
import { minimumPhoneDigits } from '../db/schema/crm';
import { type ContactDuplicate, countContactDuplicates, duplicateReasons, listContactDuplicates, similarNameThreshold } from './contact-duplicates-repository';
import { ContactRef } from './contact-type';
import { mergeContacts } from './merge-contacts';

/**
 * Rapport only (GitLab cannot merge contacts): a CRM group's possible duplicates and the mutation
 * that merges two contacts, both for Maintainers and above, as merging deletes a contact.
 */

const DuplicateReasonEnum = builder.enumType('RapportContactDuplicateReason', {
  description: 'Rapport only: why two contacts may be the same person.',
  values: {
    SAME_NAME: { description: 'Same full name, ignoring case, accents and extra spaces.' },
    SAME_PHONE: { description: `Same phone number, comparing its digits only (at least ${minimumPhoneDigits}).` },
    SIMILAR_NAME: {
      description: `Similar full names (trigram similarity of at least ${similarNameThreshold}) in the same organization.`,
    },
  } satisfies Record<(typeof duplicateReasons)[number], unknown>,
});

const ContactDuplicateRef = builder.objectRef<ContactDuplicate>('RapportContactDuplicate').implement({
  description: 'Rapport only: two contacts of a group that may be the same person.',
  fields: (t) => ({
    contact: t.field({ type: ContactRef, description: 'The older of the two contacts.', resolve: (pair) => pair.contact }),
    duplicate: t.field({ type: ContactRef, description: 'The newer of the two contacts.', resolve: (pair) => pair.duplicate }),
    reasons: t.field({ type: [DuplicateReasonEnum], description: 'Why the two contacts were matched.', resolve: (pair) => pair.reasons }),
  }),
});

const ContactDuplicateConnectionRef = builder.connectionObject(
  {
    type: ContactDuplicateRef,
    name: 'RapportContactDuplicateConnection',
    description: 'The connection type for RapportContactDuplicate.',
    fields: (t) => ({
      count: t.int({ description: 'Total count of collection.', resolve: (connection) => countOf(connection) }),
    }),
  },
  { name: 'RapportContactDuplicateEdge' },
);

builder.objectFields(GroupRef, (t) => ({
  rapportContactDuplicates: t.connection(
    {
      type: ContactDuplicateRef,
      nullable: true,
      description:
        "Rapport only: pairs of this CRM group's contacts that may be the same person, newest first. Empty unless the current user may merge contacts (Maintainer and above).",
      resolve: async (group, args, context) => {
        const crmGroup = await context.permissions.readableCrmGroup(group);
        if (!crmGroup || !(await context.permissions.canMergeContacts(crmGroup))) return emptyPage<ContactDuplicate>();
        const page = await listContactDuplicates(context.db, crmGroup.id, args);
        return countedPage(page, () => countContactDuplicates(context.db, crmGroup.id));
      },
    },
    ContactDuplicateConnectionRef,
  ),
}));

builder.relayMutationField(
  'rapportCustomerRelationsContactMerge',
  {
    name: 'RapportCustomerRelationsContactMergeInput',
    inputFields: (t) => ({
      id: t.field({ type: 'CustomerRelationsContactID', required: true, description: 'Global ID of the contact to keep.' }),
      duplicateId: t.field({
        type: 'CustomerRelationsContactID',
        required: true,
        description: 'Global ID of the contact merged into it and then deleted; it must belong to the same group.',
      }),
    }),
  },
  {
    nullable: true,
    description:
      "Rapport only: merges a duplicate contact into the contact kept. The duplicate's issue links move to the kept contact (each affected issue gets a system note), the kept contact's empty fields are filled from the duplicate, and the duplicate is deleted. Needs the Maintainer role.",
    resolve: async (_root, { input }, context) => {
      const result = await mergeContacts(context.db, context.permissions, input.id, input.duplicateId);
      return result.ok ? { contact: result.value.contact, errors: [] } : { contact: null, errors: result.errors };
    },
  },
  {
    name: 'RapportCustomerRelationsContactMergePayload',
    outputFields: (t) => ({
      contact: t.field({ type: ContactRef, nullable: true, description: 'The kept contact after the merge.', resolve: (payload) => payload.contact }),
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);
