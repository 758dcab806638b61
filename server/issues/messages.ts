import { resourceNotAvailableMessage } from '../errors';

/**
 * What issue and quick-action entry points tell the user. GitLab's wording where GitLab has one
 * (quoted from its services), Rapport's own where GitLab stays silent.
 */

/** Rails' `Array#to_sentence`: "a", "a and b", "a, b, and c". */
export function toSentence(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')}, and ${items.at(-1)}`;
}

export const maxContactsAddedAtOnce = 6;

// Issues::SetCrmContactsService
export const tooManyContactsMessage = `You can only add up to ${maxContactsAddedAtOnce} contacts at one time`;
export const insufficientContactPermissionsMessage =
  'You have insufficient permissions to set customer relations contacts for this issue';

/** GitLab's message for ids that do not exist or are outside the issue's CRM group. */
export function contactsNotFoundMessage(ids: readonly number[]): string {
  return `Issue customer relations contacts ${toSentence(ids.map((id) => `${id}: ${resourceNotAvailableMessage}`))}`;
}

/** GitLab's docs forbid adding inactive contacts but its server does not check; Rapport does. */
export function inactiveContactsMessage(contacts: readonly { id: number; firstName: string; lastName: string; email: string | null }[]): string {
  const named = contacts.map(
    (contact) => `${contact.id}: ${contact.firstName} ${contact.lastName}${contact.email ? ` (${contact.email})` : ''} is inactive`,
  );
  return `Issue customer relations contacts ${toSentence(named)}; only active contacts can be added`;
}

// Quick actions (lib/gitlab/quick_actions/issue_actions.rb execution messages)
export const contactsAddedMessage = 'One or more contacts were successfully added.';
export const contactsRemovedMessage = 'One or more contacts were successfully removed.';

export function quickActionWithoutContactsMessage(command: string): string {
  return `/${command} needs at least one contact, for example /${command} [contact:alice@example.com]`;
}

export function invalidContactReferencesMessage(tokens: readonly string[]): string {
  const noun = tokens.length === 1 ? 'is not a contact email' : 'are not contact emails';
  return `${toSentence(tokens)} ${noun}: contacts are referenced by email, for example [contact:name@example.com]`;
}

export function unknownContactEmailsMessage(emails: readonly string[]): string {
  const subject = emails.length === 1 ? 'No contact with the email' : 'No contacts with the emails';
  return `${subject} ${toSentence(emails)} in this group's customer relations`;
}

export function inactiveContactEmailsMessage(emails: readonly string[]): string {
  const verb = emails.length === 1 ? 'is' : 'are';
  return `Only active contacts can be added: ${toSentence(emails)} ${verb} inactive`;
}

export const customerRelationsDisabledMessage = 'Customer relations are not enabled for this project';

// Time tracking: Mutations::Timelogs::Create, Timelogs::CreateService,
// TimeTrackable#check_negative_time_spent, and the execution messages of the time tracking quick
// actions (lib/gitlab/quick_actions/issue_and_merge_request_actions.rb).
export const timeSpentFormatMessage = 'Time spent must be formatted correctly. For example: 1h 30m.';
export const timeSpentZeroMessage = "Time spent can't be zero.";
export const spentAtInFutureMessage = "Spent at can't be a future date and time.";
export const subtractionExceedsTotalMessage = 'Time to subtract exceeds the total time spent';

export const timeEstimateSetMessage = (duration: string) => `Set time estimate to ${duration}.`;
export const timeEstimateRemovedMessage = 'Removed time estimate.';
export const timeSpentAddedMessage = (duration: string) => `Added ${duration} spent time.`;
export const timeSpentSubtractedMessage = (duration: string) => `Subtracted ${duration} spent time.`;
export const timeSpentRemovedMessage = 'Removed spent time.';

// Where GitLab ignores a time tracking command it cannot run, Rapport says why and writes nothing.
export const estimateFormatMessage = '/estimate needs a duration, for example /estimate 1w 2d 3h';
export const spendFormatMessage = '/spend needs a duration, for example /spend 1h 30m or /spend -30m 2026-01-31';
export const spendDateInvalidMessage = (date: string) => `/spend date ${date} is not a valid date (YYYY-MM-DD)`;
export const timeTrackingRefusedMessage = 'You have insufficient permissions to track time on this issue';

// Customer requests (Rapport only, issue 15)
export function contactNotOnIssueMessage(contactId: number): string {
  return `Contact ${contactId} is not linked to this issue`;
}
