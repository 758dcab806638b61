import { z } from 'zod';
import type { Permissions } from '../auth/permissions';
import { recordAuditEvent } from '../audit/audit-repository';
import type { Database } from '../db/client';
import { DomainError, failure, type ServiceResult } from '../errors';
import { tooLong, validationMessages } from '../validation';
import { updateCustomerRequest } from './customer-weight-repository';
import { linkedContactIds } from './issue-contacts-repository';
import { type IssueInProject, lockIssue, touchIssues } from './issue-repository';
import { contactNotOnIssueMessage } from './messages';

export const maxRequestNoteLength = 255;

/** A blank note clears it; an absent field leaves it alone. */
const customerRequestSchema = z.object({
  important: z.boolean().nullish(),
  note: z
    .string()
    .max(maxRequestNoteLength, tooLong('Note', maxRequestNoteLength))
    .transform((note) => (note.trim() === '' ? null : note))
    .nullish(),
});

export type CustomerRequestInput = z.input<typeof customerRequestSchema>;

/**
 * Marks a contact's request on an issue important (or not) and sets its note: who asked, where,
 * why. Only for a contact already linked to the issue, by whoever may set the issue's contacts.
 * The issue's row lock orders it with concurrent contact changes, so a link being removed is
 * either updated first or reported as not linked.
 */
export async function updateIssueCustomerRequest(
  db: Database,
  permissions: Permissions,
  { issue, project }: IssueInProject,
  contactId: number,
  input: CustomerRequestInput,
): Promise<ServiceResult<null>> {
  const crmGroupId = await permissions.assertCanSetIssueContacts(project);
  const actorId = permissions.actorId();
  const parsed = customerRequestSchema.safeParse(input);
  if (!parsed.success) return failure(...validationMessages(parsed.error));
  const patch = {
    ...(parsed.data.important == null ? {} : { important: parsed.data.important }),
    ...(parsed.data.note === undefined ? {} : { requestNote: parsed.data.note }),
  };

  return db.transaction(async (tx) => {
    if (!(await lockIssue(tx, issue.id))) throw new DomainError('not_found');
    if (!(await linkedContactIds(tx, issue.id)).includes(contactId)) return failure(contactNotOnIssueMessage(contactId));
    if (Object.keys(patch).length === 0) return { ok: true as const, value: null };
    await updateCustomerRequest(tx, { issueId: issue.id, contactId }, patch);
    await recordAuditEvent(tx, actorId, 'issue_customer_request_changed', { type: 'Issue', id: issue.id, groupId: crmGroupId }, {
      projectId: project.id,
      contactId,
      ...patch,
    });
    await touchIssues(tx, [issue.id]);
    return { ok: true as const, value: null };
  });
}
