import { apiData } from './graphql-api';

/** Records the reliability tests create through the API, on the demo instance's group `acme`. */

export async function groupGlobalId(baseUrl: string, token: string, fullPath: string): Promise<string> {
  const data = await apiData<{ group: { id: string } | null }>(baseUrl, token, 'query($path: ID!) { group(fullPath: $path) { id } }', { path: fullPath });
  if (!data.group) throw new Error(`No group ${fullPath}`);
  return data.group.id;
}

export interface CreatedContact {
  id: string;
  numericId: number;
  email: string;
}

export async function createContact(
  baseUrl: string,
  token: string,
  input: { groupId: string; firstName: string; lastName: string; email: string },
): Promise<CreatedContact> {
  const data = await apiData<{ customerRelationsContactCreate: { contact: { id: string } | null; errors: string[] } }>(
    baseUrl,
    token,
    'mutation($input: CustomerRelationsContactCreateInput!) { customerRelationsContactCreate(input: $input) { contact { id } errors } }',
    { input },
  );
  const { contact, errors } = data.customerRelationsContactCreate;
  if (!contact) throw new Error(`Contact not created: ${errors.join('; ')}`);
  return { id: contact.id, numericId: Number(contact.id.split('/').pop()), email: input.email };
}

export interface CreatedIssue {
  id: string;
  numericId: number;
  iid: string;
}

export async function createIssue(baseUrl: string, token: string, projectPath: string, title: string): Promise<CreatedIssue> {
  const data = await apiData<{ createIssue: { issue: { id: string; iid: string } | null; errors: string[] } }>(
    baseUrl,
    token,
    'mutation($input: CreateIssueInput!) { createIssue(input: $input) { issue { id iid } errors } }',
    { input: { projectPath, title } },
  );
  const { issue, errors } = data.createIssue;
  if (!issue) throw new Error(`Issue not created: ${errors.join('; ')}`);
  return { id: issue.id, numericId: Number(issue.id.split('/').pop()), iid: issue.iid };
}

export const setContactsMutation =
  'mutation($input: IssueSetCrmContactsInput!) { issueSetCrmContacts(input: $input) { errors } }';

export const createNoteMutation =
  'mutation($input: CreateNoteInput!) { createNote(input: $input) { errors note { id } quickActionsStatus { messages errorMessages } } }';
