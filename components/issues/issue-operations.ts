import { graphql } from '@/lib/graphql';

/** The GraphQL operations the issue pages send from the browser (pages render their data on the server). */

export const createIssueMutation = graphql(`
  mutation RapportCreateIssue($input: CreateIssueInput!) {
    createIssue(input: $input) {
      issue { iid }
      errors
    }
  }
`);

export const createNoteMutation = graphql(`
  mutation RapportCreateNote($input: CreateNoteInput!) {
    createNote(input: $input) {
      note { id }
      errors
      quickActionsStatus { messages errorMessages }
    }
  }
`);

export const updateIssueStateMutation = graphql(`
  mutation RapportUpdateIssueState($input: UpdateIssueInput!) {
    updateIssue(input: $input) {
      issue { state }
      errors
    }
  }
`);

export const setIssueContactsMutation = graphql(`
  mutation RapportSetIssueContacts($input: IssueSetCrmContactsInput!) {
    issueSetCrmContacts(input: $input) {
      errors
    }
  }
`);

export const contactCandidatesQuery = graphql(`
  query RapportContactCandidates($projectPath: ID!, $iid: String!, $search: String) {
    project(fullPath: $projectPath) {
      issue(iid: $iid) {
        rapportContactCandidates(search: $search, first: 20) { ...ContactCandidate }
      }
    }
  }
`);


export const createTimelogMutation = graphql(`
  mutation RapportCreateTimelog($input: TimelogCreateInput!) {
    timelogCreate(input: $input) {
      timelog { id }
      errors
    }
  }
`);

export const deleteTimelogMutation = graphql(`
  mutation RapportDeleteTimelog($input: TimelogDeleteInput!) {
    timelogDelete(input: $input) {
      errors
    }
  }
`);

export const updateCustomerRequestMutation = graphql(`
  mutation RapportUpdateCustomerRequest($input: RapportIssueCustomerRequestUpdateInput!) {
    rapportIssueCustomerRequestUpdate(input: $input) {
      errors
    }
  }
`);
