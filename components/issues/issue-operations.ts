import { gql } from '@apollo/client';

/** The GraphQL operations the issue pages send from the browser (pages render their data on the server). */

export const createIssueMutation = gql`
  mutation RapportCreateIssue($input: CreateIssueInput!) {
    createIssue(input: $input) {
      issue { iid }
      errors
    }
  }
`;

export interface CreateIssueData {
  createIssue: { issue: { iid: string } | null; errors: string[] } | null;
}

export const createNoteMutation = gql`
  mutation RapportCreateNote($input: CreateNoteInput!) {
    createNote(input: $input) {
      note { id }
      errors
      quickActionsStatus { messages errorMessages }
    }
  }
`;

export interface CreateNoteData {
  createNote: {
    note: { id: string } | null;
    errors: string[];
    quickActionsStatus: { messages: string[] | null; errorMessages: string[] | null } | null;
  } | null;
}

export const updateIssueStateMutation = gql`
  mutation RapportUpdateIssueState($input: UpdateIssueInput!) {
    updateIssue(input: $input) {
      issue { state }
      errors
    }
  }
`;

export interface UpdateIssueStateData {
  updateIssue: { issue: { state: string } | null; errors: string[] } | null;
}

export const setIssueContactsMutation = gql`
  mutation RapportSetIssueContacts($input: IssueSetCrmContactsInput!) {
    issueSetCrmContacts(input: $input) {
      errors
    }
  }
`;

export interface SetIssueContactsData {
  issueSetCrmContacts: { errors: string[] } | null;
}

export const contactCandidatesQuery = gql`
  query RapportContactCandidates($projectPath: ID!, $iid: String!, $search: String) {
    project(fullPath: $projectPath) {
      issue(iid: $iid) {
        rapportContactCandidates(search: $search, first: 20) {
          id firstName lastName email
          organization { name }
        }
      }
    }
  }
`;

export interface ContactCandidate {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  organization: { name: string } | null;
}

export interface ContactCandidatesData {
  project: { issue: { rapportContactCandidates: ContactCandidate[] } | null } | null;
}
