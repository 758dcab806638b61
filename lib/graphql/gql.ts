/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ContactDetail on CustomerRelationsContact {\n    id firstName lastName email phone description active createdAt updatedAt\n    organization { id name defaultRate active }\n    issues(first: 100) { count nodes { ...LinkedIssueItem } }\n    rapportActivity(first: 20) { ...ActivityItem }\n  }\n": typeof types.ContactDetailFragmentDoc,
    "\n  fragment ContactDuplicatePair on RapportContactDuplicate {\n    reasons\n    contact { ...ContactMergeSide }\n    duplicate { ...ContactMergeSide }\n  }\n": typeof types.ContactDuplicatePairFragmentDoc,
    "\n  fragment ContactRecord on CustomerRelationsContact {\n    id firstName lastName email phone description active\n    organization { ...OrganizationOption }\n  }\n": typeof types.ContactRecordFragmentDoc,
    "\n  fragment ContactCard on CustomerRelationsContact {\n    firstName lastName email phone description active\n    organization { name defaultRate }\n  }\n": typeof types.ContactCardFragmentDoc,
    "\n  fragment ContactMergeSide on CustomerRelationsContact {\n    id firstName lastName email phone description active\n    organization { id name }\n  }\n": typeof types.ContactMergeSideFragmentDoc,
    "\n  mutation RapportCreateContact($input: CustomerRelationsContactCreateInput!) {\n    customerRelationsContactCreate(input: $input) {\n      contact { id firstName lastName }\n      errors\n    }\n  }\n": typeof types.RapportCreateContactDocument,
    "\n  mutation RapportUpdateContact($input: CustomerRelationsContactUpdateInput!) {\n    customerRelationsContactUpdate(input: $input) {\n      errors\n    }\n  }\n": typeof types.RapportUpdateContactDocument,
    "\n  mutation RapportCreateOrganization($input: CustomerRelationsOrganizationCreateInput!) {\n    customerRelationsOrganizationCreate(input: $input) {\n      organization { ...OrganizationOption }\n      errors\n    }\n  }\n": typeof types.RapportCreateOrganizationDocument,
    "\n  mutation RapportUpdateOrganization($input: CustomerRelationsOrganizationUpdateInput!) {\n    customerRelationsOrganizationUpdate(input: $input) {\n      errors\n    }\n  }\n": typeof types.RapportUpdateOrganizationDocument,
    "\n  mutation RapportDeleteContact($input: CustomerRelationsContactDeleteInput!) {\n    customerRelationsContactDelete(input: $input) {\n      errors\n    }\n  }\n": typeof types.RapportDeleteContactDocument,
    "\n  mutation RapportDeleteOrganization($input: CustomerRelationsOrganizationDeleteInput!) {\n    customerRelationsOrganizationDelete(input: $input) {\n      errors\n    }\n  }\n": typeof types.RapportDeleteOrganizationDocument,
    "\n  query RapportOrganizationOptions($fullPath: ID!, $search: String) {\n    group(fullPath: $fullPath) {\n      organizations(search: $search, state: active, sort: NAME_ASC, first: 20) {\n        nodes { ...OrganizationOption }\n      }\n    }\n  }\n": typeof types.RapportOrganizationOptionsDocument,
    "\n  mutation RapportUpdateCrmSettings($input: GroupCrmSettingsUpdateInput!) {\n    groupCrmSettingsUpdate(input: $input) {\n      crmSettings { enabled sourceGroup { fullPath } }\n      errors\n    }\n  }\n": typeof types.RapportUpdateCrmSettingsDocument,
    "\n  mutation RapportMergeContacts($input: RapportCustomerRelationsContactMergeInput!) {\n    rapportCustomerRelationsContactMerge(input: $input) {\n      contact { id }\n      errors\n    }\n  }\n": typeof types.RapportMergeContactsDocument,
    "\n  mutation RapportCreateCustomerTier($input: RapportCustomerTierCreateInput!) {\n    rapportCustomerTierCreate(input: $input) {\n      tier { id }\n      errors\n    }\n  }\n": typeof types.RapportCreateCustomerTierDocument,
    "\n  mutation RapportUpdateCustomerTier($input: RapportCustomerTierUpdateInput!) {\n    rapportCustomerTierUpdate(input: $input) {\n      errors\n    }\n  }\n": typeof types.RapportUpdateCustomerTierDocument,
    "\n  mutation RapportDeleteCustomerTier($input: RapportCustomerTierDeleteInput!) {\n    rapportCustomerTierDelete(input: $input) {\n      errors\n    }\n  }\n": typeof types.RapportDeleteCustomerTierDocument,
    "\n  mutation RapportUpdateCrmCurrency($input: RapportCrmCurrencyUpdateInput!) {\n    rapportCrmCurrencyUpdate(input: $input) {\n      currency\n      errors\n    }\n  }\n": typeof types.RapportUpdateCrmCurrencyDocument,
    "\n  mutation RapportAssignContactsByDomain($input: RapportContactsAssignByDomainInput!) {\n    rapportContactsAssignByDomain(input: $input) {\n      dryRun\n      assignments { contact { id firstName lastName email } organization { id name } }\n      ambiguous { contact { id firstName lastName email } organizations { id name } }\n      errors\n    }\n  }\n": typeof types.RapportAssignContactsByDomainDocument,
    "\n  fragment CustomerReportData on RapportCustomerReport {\n    from to\n    organizations { organizationId name defaultRate linkedIssues issuesOpened issuesClosed hours billableAmount sharedIssues }\n    totals { linkedIssues issuesOpened issuesClosed hours billableAmount sharedIssues }\n  }\n": typeof types.CustomerReportDataFragmentDoc,
    "\n  fragment CustomerReportDrillDown on RapportCustomerReportOrganization {\n    organization { id name defaultRate }\n    hours billableAmount\n    issues { iid title state webUrl organizationCount hours }\n    timelogs { timeSpent spentAt summary userName issueIid issueTitle }\n  }\n": typeof types.CustomerReportDrillDownFragmentDoc,
    "\n  fragment CustomerRequestsOfTier on RapportCustomerRequestsOfTier {\n    tier { id name position }\n    issues {\n      id title webUrl reference(full: true)\n      customerWeight { organizationCount annualRevenue importantRequestCount highestTier { name } }\n      rapportCustomerRequests { important note contact { id firstName lastName organization { id name } } }\n    }\n  }\n": typeof types.CustomerRequestsOfTierFragmentDoc,
    "\n  fragment CustomerSettingsTier on RapportCustomerTier { id name position organizationCount }\n": typeof types.CustomerSettingsTierFragmentDoc,
    "\n  fragment ListPageInfo on PageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n": typeof types.ListPageInfoFragmentDoc,
    "\n  fragment OrganizationDetail on CustomerRelationsOrganization {\n    id name defaultRate description active createdAt updatedAt contactCount openIssueCount\n    domains annualRevenue tier { id name } accountOwner { id name username }\n    rapportBillingThisMonth { from to hours billableAmount }\n    contacts(first: 100, sort: LAST_NAME_ASC) { count nodes { id firstName lastName email phone active } }\n    issues(first: 100) { count nodes { ...LinkedIssueItem } }\n    rapportActivity(first: 20) { ...ActivityItem }\n  }\n": typeof types.OrganizationDetailFragmentDoc,
    "\n  fragment OrganizationRecord on CustomerRelationsOrganization {\n    id name defaultRate description active domains annualRevenue tier { id } accountOwner { id }\n  }\n": typeof types.OrganizationRecordFragmentDoc,
    "\n  fragment OrganizationAttributeOptions on Group {\n    rapportCrmCurrency\n    rapportCustomerTiers { id name }\n    rapportCrmMembers { id name username }\n  }\n": typeof types.OrganizationAttributeOptionsFragmentDoc,
    "\n  fragment OrganizationOption on CustomerRelationsOrganization { id name }\n": typeof types.OrganizationOptionFragmentDoc,
    "\n  fragment OrganizationTableRow on CustomerRelationsOrganization { ...OrganizationRecord contactCount openIssueCount tier { id name } }\n": typeof types.OrganizationTableRowFragmentDoc,
    "\n  fragment LinkedIssueItem on Issue { id iid title state webUrl createdAt closedAt }\n": typeof types.LinkedIssueItemFragmentDoc,
    "\n  fragment ActivityItem on RapportAuditEvent { id action createdAt actor { name username } changes { field text } }\n": typeof types.ActivityItemFragmentDoc,
    "\n  fragment GroupSummary on Group { id name fullPath rapportCanReadCrm rapportCanAdminCrm rapportCanReadCustomerReport rapportCanAdminCrmSettings }\n": typeof types.GroupSummaryFragmentDoc,
    "\n  fragment GroupListItem on Group { id name fullPath description }\n": typeof types.GroupListItemFragmentDoc,
    "\n  fragment ProjectListItem on Project { id name fullPath description }\n": typeof types.ProjectListItemFragmentDoc,
    "\n  fragment SuggestedContact on CustomerRelationsContact { id firstName lastName email }\n": typeof types.SuggestedContactFragmentDoc,
    "\n  fragment ContactCandidate on CustomerRelationsContact {\n    ...SuggestedContact\n    organization { name }\n  }\n": typeof types.ContactCandidateFragmentDoc,
    "\n  query RapportCustomerFilterContacts($fullPath: ID!, $search: String) {\n    group(fullPath: $fullPath) {\n      contacts(search: $search, sort: LAST_NAME_ASC, first: 20) { nodes { id firstName lastName email organization { name } } }\n    }\n  }\n": typeof types.RapportCustomerFilterContactsDocument,
    "\n  query RapportCustomerFilterOrganizations($fullPath: ID!, $search: String) {\n    group(fullPath: $fullPath) {\n      organizations(search: $search, sort: NAME_ASC, first: 20) { nodes { id name } }\n    }\n  }\n": typeof types.RapportCustomerFilterOrganizationsDocument,
    "\n  fragment IssueSidebarContact on CustomerRelationsContact { id ...ContactCard }\n": typeof types.IssueSidebarContactFragmentDoc,
    "\n  fragment IssueListRow on Issue {\n    id iid title state createdAt webUrl reference(full: true)\n    author { username name }\n    customerRelationsContacts { nodes { id firstName lastName organization { id name } } }\n    customerWeight { organizationCount annualRevenue importantRequestCount highestTier { name } }\n  }\n": typeof types.IssueListRowFragmentDoc,
    "\n  fragment IssueNoteItem on Note { id body system createdAt author { username name } }\n": typeof types.IssueNoteItemFragmentDoc,
    "\n  mutation RapportCreateIssue($input: CreateIssueInput!) {\n    createIssue(input: $input) {\n      issue { iid }\n      errors\n    }\n  }\n": typeof types.RapportCreateIssueDocument,
    "\n  mutation RapportCreateNote($input: CreateNoteInput!) {\n    createNote(input: $input) {\n      note { id }\n      errors\n      quickActionsStatus { messages errorMessages }\n    }\n  }\n": typeof types.RapportCreateNoteDocument,
    "\n  mutation RapportUpdateIssueState($input: UpdateIssueInput!) {\n    updateIssue(input: $input) {\n      issue { state }\n      errors\n    }\n  }\n": typeof types.RapportUpdateIssueStateDocument,
    "\n  mutation RapportSetIssueContacts($input: IssueSetCrmContactsInput!) {\n    issueSetCrmContacts(input: $input) {\n      errors\n    }\n  }\n": typeof types.RapportSetIssueContactsDocument,
    "\n  query RapportContactCandidates($projectPath: ID!, $iid: String!, $search: String) {\n    project(fullPath: $projectPath) {\n      issue(iid: $iid) {\n        rapportContactCandidates(search: $search, first: 20) { ...ContactCandidate }\n      }\n    }\n  }\n": typeof types.RapportContactCandidatesDocument,
    "\n  mutation RapportCreateTimelog($input: TimelogCreateInput!) {\n    timelogCreate(input: $input) {\n      timelog { id }\n      errors\n    }\n  }\n": typeof types.RapportCreateTimelogDocument,
    "\n  mutation RapportDeleteTimelog($input: TimelogDeleteInput!) {\n    timelogDelete(input: $input) {\n      errors\n    }\n  }\n": typeof types.RapportDeleteTimelogDocument,
    "\n  mutation RapportUpdateCustomerRequest($input: RapportIssueCustomerRequestUpdateInput!) {\n    rapportIssueCustomerRequestUpdate(input: $input) {\n      errors\n    }\n  }\n": typeof types.RapportUpdateCustomerRequestDocument,
    "\n  fragment IssueTimeTracking on Issue {\n    id timeEstimate totalTimeSpent humanTimeEstimate humanTotalTimeSpent rapportCanTrackTime\n    timelogs(first: 100) {\n      nodes { id timeSpent spentAt summary user { name } userPermissions { adminTimelog } }\n      pageInfo { hasNextPage }\n    }\n  }\n": typeof types.IssueTimeTrackingFragmentDoc,
    "\n  fragment IssueView on Issue {\n    id iid title description state createdAt rapportCanUpdate\n    author { username name }\n    ...IssueTimeTracking\n    customerRelationsContacts(first: 100) { count nodes { ...IssueSidebarContact ...SuggestedContact } }\n    rapportCustomerRequests { important note contact { id } }\n    notes(first: 100) {\n      nodes { ...IssueNoteItem }\n      pageInfo { hasNextPage }\n    }\n  }\n": typeof types.IssueViewFragmentDoc,
    "\n  fragment ProjectSummary on Project { id name fullPath description group { name fullPath } }\n": typeof types.ProjectSummaryFragmentDoc,
    "\n  fragment PersonalAccessTokenRow on PersonalAccessToken {\n    id\n    name\n    scopes\n    createdAt\n    lastUsedAt\n    expiresAt\n  }\n": typeof types.PersonalAccessTokenRowFragmentDoc,
    "\n  mutation RapportCreatePersonalAccessToken($input: PersonalAccessTokenCreateInput!) {\n    personalAccessTokenCreate(input: $input) {\n      token\n      errors\n    }\n  }\n": typeof types.RapportCreatePersonalAccessTokenDocument,
    "\n  mutation RapportRevokePersonalAccessToken($input: PersonalAccessTokenRevokeInput!) {\n    personalAccessTokenRevoke(input: $input) {\n      errors\n    }\n  }\n": typeof types.RapportRevokePersonalAccessTokenDocument,
    "\n  query RapportContactDuplicates($fullPath: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    group(fullPath: $fullPath) {\n      rapportCanDeleteCrm\n      rapportContactDuplicates(first: $first, after: $after, last: $last, before: $before) {\n        nodes { ...ContactDuplicatePair }\n        pageInfo { ...ListPageInfo }\n      }\n    }\n  }\n": typeof types.RapportContactDuplicatesDocument,
    "\n  query RapportGroupContacts(\n    $fullPath: ID!, $search: String, $state: CustomerRelationsContactState, $sort: ContactSort,\n    $first: Int, $after: String, $last: Int, $before: String\n  ) {\n    group(fullPath: $fullPath) {\n      rapportCanAdminCrm rapportCanDeleteCrm\n      list: contacts(search: $search, state: $state, sort: $sort, first: $first, after: $after, last: $last, before: $before) {\n        nodes { ...ContactRecord }\n        pageInfo { ...ListPageInfo }\n      }\n      counts: contactStateCounts(search: $search) { all active inactive }\n    }\n  }\n": typeof types.RapportGroupContactsDocument,
    "\n  query RapportGroupOrganizations(\n    $fullPath: ID!, $search: String, $state: CustomerRelationsOrganizationState, $sort: OrganizationSort, $tierId: RapportCustomerTierID,\n    $first: Int, $after: String, $last: Int, $before: String\n  ) {\n    group(fullPath: $fullPath) {\n      rapportCanAdminCrm rapportCanDeleteCrm\n      list: organizations(search: $search, state: $state, sort: $sort, tierId: $tierId, first: $first, after: $after, last: $last, before: $before) {\n        nodes { ...OrganizationTableRow }\n        pageInfo { ...ListPageInfo }\n      }\n      counts: organizationStateCounts(search: $search, tierId: $tierId) { all active inactive }\n    }\n  }\n": typeof types.RapportGroupOrganizationsDocument,
    "\n  query RapportContactPage($fullPath: ID!, $ids: [CustomerRelationsContactID!]) {\n    group(fullPath: $fullPath) {\n      rapportCanAdminCrm rapportCanDeleteCrm\n      records: contacts(ids: $ids, first: 1) { nodes { ...ContactDetail } }\n    }\n  }\n": typeof types.RapportContactPageDocument,
    "\n  query RapportOrganizationPage($fullPath: ID!, $ids: [CustomerRelationsOrganizationID!]) {\n    group(fullPath: $fullPath) {\n      rapportCanAdminCrm rapportCanDeleteCrm\n      records: organizations(ids: $ids, first: 1) { nodes { ...OrganizationDetail } }\n    }\n  }\n": typeof types.RapportOrganizationPageDocument,
    "\n  query RapportCrmSettings($fullPath: ID!) {\n    group(fullPath: $fullPath) {\n      rapportCrmSettings { enabled sourceGroup { fullPath } }\n      descendantGroups(first: 100) { nodes { fullPath name } }\n    }\n  }\n": typeof types.RapportCrmSettingsDocument,
    "\n  query RapportCustomerReportPage($fullPath: ID!, $from: String, $to: String) {\n    group(fullPath: $fullPath) {\n      rapportCustomerReport(from: $from, to: $to) { ...CustomerReportData }\n    }\n  }\n": typeof types.RapportCustomerReportPageDocument,
    "\n  query RapportCustomerReportDrillDown($fullPath: ID!, $from: String, $to: String, $organizationId: CustomerRelationsOrganizationID!) {\n    group(fullPath: $fullPath) {\n      rapportCustomerReportOrganization(organizationId: $organizationId, from: $from, to: $to) { ...CustomerReportDrillDown }\n    }\n  }\n": typeof types.RapportCustomerReportDrillDownDocument,
    "\n  query RapportCustomerRequestsPage($fullPath: ID!) {\n    group(fullPath: $fullPath) {\n      rapportCustomerRequests { ...CustomerRequestsOfTier }\n    }\n  }\n": typeof types.RapportCustomerRequestsPageDocument,
    "\n  query RapportCustomerSettings($fullPath: ID!) {\n    group(fullPath: $fullPath) {\n      rapportCanManageCrm\n      rapportCrmCurrency\n      rapportCustomerTiers { ...CustomerSettingsTier }\n    }\n  }\n": typeof types.RapportCustomerSettingsDocument,
    "\n  query RapportGroupIssues(\n    $fullPath: ID!, $state: IssuableState, $search: String, $crmContactId: String, $crmOrganizationId: String, $customerTier: String, $sort: IssueSort,\n    $first: Int, $after: String, $last: Int, $before: String,\n    $contactIds: [CustomerRelationsContactID!], $organizationIds: [CustomerRelationsOrganizationID!],\n    $withContact: Boolean!, $withOrganization: Boolean!\n  ) {\n    group(fullPath: $fullPath) {\n      rapportIssueCrmGroup {\n        fullPath\n        rapportCustomerTiers { id name }\n        filterContact: contacts(ids: $contactIds, first: 1) @include(if: $withContact) { nodes { id firstName lastName } }\n        filterOrganization: organizations(ids: $organizationIds, first: 1) @include(if: $withOrganization) { nodes { id name } }\n      }\n      issues(\n        includeSubgroups: true, state: $state, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId,\n        customerTier: $customerTier, sort: $sort, first: $first, after: $after, last: $last, before: $before\n      ) {\n        nodes { ...IssueListRow }\n        pageInfo { ...ListPageInfo }\n      }\n      opened: issues(includeSubgroups: true, state: opened, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n      closed: issues(includeSubgroups: true, state: closed, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n      all: issues(includeSubgroups: true, state: all, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n    }\n  }\n": typeof types.RapportGroupIssuesDocument,
    "\n  query RapportViewerGroups {\n    groups(first: 100) { nodes { ...GroupListItem } }\n  }\n": typeof types.RapportViewerGroupsDocument,
    "\n  query RapportGroupOverview($fullPath: ID!) {\n    group(fullPath: $fullPath) {\n      description\n      parent { name fullPath }\n      descendantGroups(includeParentDescendants: false, first: 100) { nodes { ...GroupListItem } }\n      projects(first: 100) { nodes { ...ProjectListItem } }\n    }\n  }\n": typeof types.RapportGroupOverviewDocument,
    "\n  query RapportGroupSummary($fullPath: ID!) {\n    group(fullPath: $fullPath) { ...GroupSummary }\n  }\n": typeof types.RapportGroupSummaryDocument,
    "\n  query RapportOrganizationAttributeOptions($fullPath: ID!) {\n    group(fullPath: $fullPath) { rapportCanManageCrm ...OrganizationAttributeOptions }\n  }\n": typeof types.RapportOrganizationAttributeOptionsDocument,
    "\n  query RapportIssuePage($projectPath: ID!, $iid: String!) {\n    project(fullPath: $projectPath) {\n      ...ProjectSummary\n      rapportCanReadIssueContacts\n      rapportCanSetIssueContacts\n      rapportCrmGroup { id fullPath rapportCanAdminCrm }\n      issue(iid: $iid) { ...IssueView }\n    }\n  }\n": typeof types.RapportIssuePageDocument,
    "\n  query RapportNewIssue($projectPath: ID!) {\n    project(fullPath: $projectPath) { ...ProjectSummary rapportCanSetIssueContacts }\n  }\n": typeof types.RapportNewIssueDocument,
    "\n  query RapportProjectIssues(\n    $projectPath: ID!, $state: IssuableState, $search: String, $crmContactId: String, $crmOrganizationId: String, $customerTier: String, $sort: IssueSort,\n    $first: Int, $after: String, $last: Int, $before: String,\n    $contactIds: [CustomerRelationsContactID!], $organizationIds: [CustomerRelationsOrganizationID!],\n    $withContact: Boolean!, $withOrganization: Boolean!\n  ) {\n    project(fullPath: $projectPath) {\n      ...ProjectSummary\n      rapportCrmGroup {\n        fullPath\n        rapportCustomerTiers { id name }\n        filterContact: contacts(ids: $contactIds, first: 1) @include(if: $withContact) { nodes { id firstName lastName } }\n        filterOrganization: organizations(ids: $organizationIds, first: 1) @include(if: $withOrganization) { nodes { id name } }\n      }\n      issues(\n        state: $state, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId,\n        customerTier: $customerTier, sort: $sort, first: $first, after: $after, last: $last, before: $before\n      ) {\n        nodes { ...IssueListRow }\n        pageInfo { ...ListPageInfo }\n      }\n      opened: issues(state: opened, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n      closed: issues(state: closed, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n      all: issues(state: all, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n    }\n  }\n": typeof types.RapportProjectIssuesDocument,
    "\n  query RapportPersonalAccessTokens {\n    rapportPersonalAccessTokens { ...PersonalAccessTokenRow }\n  }\n": typeof types.RapportPersonalAccessTokensDocument,
};
const documents: Documents = {
    "\n  fragment ContactDetail on CustomerRelationsContact {\n    id firstName lastName email phone description active createdAt updatedAt\n    organization { id name defaultRate active }\n    issues(first: 100) { count nodes { ...LinkedIssueItem } }\n    rapportActivity(first: 20) { ...ActivityItem }\n  }\n": types.ContactDetailFragmentDoc,
    "\n  fragment ContactDuplicatePair on RapportContactDuplicate {\n    reasons\n    contact { ...ContactMergeSide }\n    duplicate { ...ContactMergeSide }\n  }\n": types.ContactDuplicatePairFragmentDoc,
    "\n  fragment ContactRecord on CustomerRelationsContact {\n    id firstName lastName email phone description active\n    organization { ...OrganizationOption }\n  }\n": types.ContactRecordFragmentDoc,
    "\n  fragment ContactCard on CustomerRelationsContact {\n    firstName lastName email phone description active\n    organization { name defaultRate }\n  }\n": types.ContactCardFragmentDoc,
    "\n  fragment ContactMergeSide on CustomerRelationsContact {\n    id firstName lastName email phone description active\n    organization { id name }\n  }\n": types.ContactMergeSideFragmentDoc,
    "\n  mutation RapportCreateContact($input: CustomerRelationsContactCreateInput!) {\n    customerRelationsContactCreate(input: $input) {\n      contact { id firstName lastName }\n      errors\n    }\n  }\n": types.RapportCreateContactDocument,
    "\n  mutation RapportUpdateContact($input: CustomerRelationsContactUpdateInput!) {\n    customerRelationsContactUpdate(input: $input) {\n      errors\n    }\n  }\n": types.RapportUpdateContactDocument,
    "\n  mutation RapportCreateOrganization($input: CustomerRelationsOrganizationCreateInput!) {\n    customerRelationsOrganizationCreate(input: $input) {\n      organization { ...OrganizationOption }\n      errors\n    }\n  }\n": types.RapportCreateOrganizationDocument,
    "\n  mutation RapportUpdateOrganization($input: CustomerRelationsOrganizationUpdateInput!) {\n    customerRelationsOrganizationUpdate(input: $input) {\n      errors\n    }\n  }\n": types.RapportUpdateOrganizationDocument,
    "\n  mutation RapportDeleteContact($input: CustomerRelationsContactDeleteInput!) {\n    customerRelationsContactDelete(input: $input) {\n      errors\n    }\n  }\n": types.RapportDeleteContactDocument,
    "\n  mutation RapportDeleteOrganization($input: CustomerRelationsOrganizationDeleteInput!) {\n    customerRelationsOrganizationDelete(input: $input) {\n      errors\n    }\n  }\n": types.RapportDeleteOrganizationDocument,
    "\n  query RapportOrganizationOptions($fullPath: ID!, $search: String) {\n    group(fullPath: $fullPath) {\n      organizations(search: $search, state: active, sort: NAME_ASC, first: 20) {\n        nodes { ...OrganizationOption }\n      }\n    }\n  }\n": types.RapportOrganizationOptionsDocument,
    "\n  mutation RapportUpdateCrmSettings($input: GroupCrmSettingsUpdateInput!) {\n    groupCrmSettingsUpdate(input: $input) {\n      crmSettings { enabled sourceGroup { fullPath } }\n      errors\n    }\n  }\n": types.RapportUpdateCrmSettingsDocument,
    "\n  mutation RapportMergeContacts($input: RapportCustomerRelationsContactMergeInput!) {\n    rapportCustomerRelationsContactMerge(input: $input) {\n      contact { id }\n      errors\n    }\n  }\n": types.RapportMergeContactsDocument,
    "\n  mutation RapportCreateCustomerTier($input: RapportCustomerTierCreateInput!) {\n    rapportCustomerTierCreate(input: $input) {\n      tier { id }\n      errors\n    }\n  }\n": types.RapportCreateCustomerTierDocument,
    "\n  mutation RapportUpdateCustomerTier($input: RapportCustomerTierUpdateInput!) {\n    rapportCustomerTierUpdate(input: $input) {\n      errors\n    }\n  }\n": types.RapportUpdateCustomerTierDocument,
    "\n  mutation RapportDeleteCustomerTier($input: RapportCustomerTierDeleteInput!) {\n    rapportCustomerTierDelete(input: $input) {\n      errors\n    }\n  }\n": types.RapportDeleteCustomerTierDocument,
    "\n  mutation RapportUpdateCrmCurrency($input: RapportCrmCurrencyUpdateInput!) {\n    rapportCrmCurrencyUpdate(input: $input) {\n      currency\n      errors\n    }\n  }\n": types.RapportUpdateCrmCurrencyDocument,
    "\n  mutation RapportAssignContactsByDomain($input: RapportContactsAssignByDomainInput!) {\n    rapportContactsAssignByDomain(input: $input) {\n      dryRun\n      assignments { contact { id firstName lastName email } organization { id name } }\n      ambiguous { contact { id firstName lastName email } organizations { id name } }\n      errors\n    }\n  }\n": types.RapportAssignContactsByDomainDocument,
    "\n  fragment CustomerReportData on RapportCustomerReport {\n    from to\n    organizations { organizationId name defaultRate linkedIssues issuesOpened issuesClosed hours billableAmount sharedIssues }\n    totals { linkedIssues issuesOpened issuesClosed hours billableAmount sharedIssues }\n  }\n": types.CustomerReportDataFragmentDoc,
    "\n  fragment CustomerReportDrillDown on RapportCustomerReportOrganization {\n    organization { id name defaultRate }\n    hours billableAmount\n    issues { iid title state webUrl organizationCount hours }\n    timelogs { timeSpent spentAt summary userName issueIid issueTitle }\n  }\n": types.CustomerReportDrillDownFragmentDoc,
    "\n  fragment CustomerRequestsOfTier on RapportCustomerRequestsOfTier {\n    tier { id name position }\n    issues {\n      id title webUrl reference(full: true)\n      customerWeight { organizationCount annualRevenue importantRequestCount highestTier { name } }\n      rapportCustomerRequests { important note contact { id firstName lastName organization { id name } } }\n    }\n  }\n": types.CustomerRequestsOfTierFragmentDoc,
    "\n  fragment CustomerSettingsTier on RapportCustomerTier { id name position organizationCount }\n": types.CustomerSettingsTierFragmentDoc,
    "\n  fragment ListPageInfo on PageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n": types.ListPageInfoFragmentDoc,
    "\n  fragment OrganizationDetail on CustomerRelationsOrganization {\n    id name defaultRate description active createdAt updatedAt contactCount openIssueCount\n    domains annualRevenue tier { id name } accountOwner { id name username }\n    rapportBillingThisMonth { from to hours billableAmount }\n    contacts(first: 100, sort: LAST_NAME_ASC) { count nodes { id firstName lastName email phone active } }\n    issues(first: 100) { count nodes { ...LinkedIssueItem } }\n    rapportActivity(first: 20) { ...ActivityItem }\n  }\n": types.OrganizationDetailFragmentDoc,
    "\n  fragment OrganizationRecord on CustomerRelationsOrganization {\n    id name defaultRate description active domains annualRevenue tier { id } accountOwner { id }\n  }\n": types.OrganizationRecordFragmentDoc,
    "\n  fragment OrganizationAttributeOptions on Group {\n    rapportCrmCurrency\n    rapportCustomerTiers { id name }\n    rapportCrmMembers { id name username }\n  }\n": types.OrganizationAttributeOptionsFragmentDoc,
    "\n  fragment OrganizationOption on CustomerRelationsOrganization { id name }\n": types.OrganizationOptionFragmentDoc,
    "\n  fragment OrganizationTableRow on CustomerRelationsOrganization { ...OrganizationRecord contactCount openIssueCount tier { id name } }\n": types.OrganizationTableRowFragmentDoc,
    "\n  fragment LinkedIssueItem on Issue { id iid title state webUrl createdAt closedAt }\n": types.LinkedIssueItemFragmentDoc,
    "\n  fragment ActivityItem on RapportAuditEvent { id action createdAt actor { name username } changes { field text } }\n": types.ActivityItemFragmentDoc,
    "\n  fragment GroupSummary on Group { id name fullPath rapportCanReadCrm rapportCanAdminCrm rapportCanReadCustomerReport rapportCanAdminCrmSettings }\n": types.GroupSummaryFragmentDoc,
    "\n  fragment GroupListItem on Group { id name fullPath description }\n": types.GroupListItemFragmentDoc,
    "\n  fragment ProjectListItem on Project { id name fullPath description }\n": types.ProjectListItemFragmentDoc,
    "\n  fragment SuggestedContact on CustomerRelationsContact { id firstName lastName email }\n": types.SuggestedContactFragmentDoc,
    "\n  fragment ContactCandidate on CustomerRelationsContact {\n    ...SuggestedContact\n    organization { name }\n  }\n": types.ContactCandidateFragmentDoc,
    "\n  query RapportCustomerFilterContacts($fullPath: ID!, $search: String) {\n    group(fullPath: $fullPath) {\n      contacts(search: $search, sort: LAST_NAME_ASC, first: 20) { nodes { id firstName lastName email organization { name } } }\n    }\n  }\n": types.RapportCustomerFilterContactsDocument,
    "\n  query RapportCustomerFilterOrganizations($fullPath: ID!, $search: String) {\n    group(fullPath: $fullPath) {\n      organizations(search: $search, sort: NAME_ASC, first: 20) { nodes { id name } }\n    }\n  }\n": types.RapportCustomerFilterOrganizationsDocument,
    "\n  fragment IssueSidebarContact on CustomerRelationsContact { id ...ContactCard }\n": types.IssueSidebarContactFragmentDoc,
    "\n  fragment IssueListRow on Issue {\n    id iid title state createdAt webUrl reference(full: true)\n    author { username name }\n    customerRelationsContacts { nodes { id firstName lastName organization { id name } } }\n    customerWeight { organizationCount annualRevenue importantRequestCount highestTier { name } }\n  }\n": types.IssueListRowFragmentDoc,
    "\n  fragment IssueNoteItem on Note { id body system createdAt author { username name } }\n": types.IssueNoteItemFragmentDoc,
    "\n  mutation RapportCreateIssue($input: CreateIssueInput!) {\n    createIssue(input: $input) {\n      issue { iid }\n      errors\n    }\n  }\n": types.RapportCreateIssueDocument,
    "\n  mutation RapportCreateNote($input: CreateNoteInput!) {\n    createNote(input: $input) {\n      note { id }\n      errors\n      quickActionsStatus { messages errorMessages }\n    }\n  }\n": types.RapportCreateNoteDocument,
    "\n  mutation RapportUpdateIssueState($input: UpdateIssueInput!) {\n    updateIssue(input: $input) {\n      issue { state }\n      errors\n    }\n  }\n": types.RapportUpdateIssueStateDocument,
    "\n  mutation RapportSetIssueContacts($input: IssueSetCrmContactsInput!) {\n    issueSetCrmContacts(input: $input) {\n      errors\n    }\n  }\n": types.RapportSetIssueContactsDocument,
    "\n  query RapportContactCandidates($projectPath: ID!, $iid: String!, $search: String) {\n    project(fullPath: $projectPath) {\n      issue(iid: $iid) {\n        rapportContactCandidates(search: $search, first: 20) { ...ContactCandidate }\n      }\n    }\n  }\n": types.RapportContactCandidatesDocument,
    "\n  mutation RapportCreateTimelog($input: TimelogCreateInput!) {\n    timelogCreate(input: $input) {\n      timelog { id }\n      errors\n    }\n  }\n": types.RapportCreateTimelogDocument,
    "\n  mutation RapportDeleteTimelog($input: TimelogDeleteInput!) {\n    timelogDelete(input: $input) {\n      errors\n    }\n  }\n": types.RapportDeleteTimelogDocument,
    "\n  mutation RapportUpdateCustomerRequest($input: RapportIssueCustomerRequestUpdateInput!) {\n    rapportIssueCustomerRequestUpdate(input: $input) {\n      errors\n    }\n  }\n": types.RapportUpdateCustomerRequestDocument,
    "\n  fragment IssueTimeTracking on Issue {\n    id timeEstimate totalTimeSpent humanTimeEstimate humanTotalTimeSpent rapportCanTrackTime\n    timelogs(first: 100) {\n      nodes { id timeSpent spentAt summary user { name } userPermissions { adminTimelog } }\n      pageInfo { hasNextPage }\n    }\n  }\n": types.IssueTimeTrackingFragmentDoc,
    "\n  fragment IssueView on Issue {\n    id iid title description state createdAt rapportCanUpdate\n    author { username name }\n    ...IssueTimeTracking\n    customerRelationsContacts(first: 100) { count nodes { ...IssueSidebarContact ...SuggestedContact } }\n    rapportCustomerRequests { important note contact { id } }\n    notes(first: 100) {\n      nodes { ...IssueNoteItem }\n      pageInfo { hasNextPage }\n    }\n  }\n": types.IssueViewFragmentDoc,
    "\n  fragment ProjectSummary on Project { id name fullPath description group { name fullPath } }\n": types.ProjectSummaryFragmentDoc,
    "\n  fragment PersonalAccessTokenRow on PersonalAccessToken {\n    id\n    name\n    scopes\n    createdAt\n    lastUsedAt\n    expiresAt\n  }\n": types.PersonalAccessTokenRowFragmentDoc,
    "\n  mutation RapportCreatePersonalAccessToken($input: PersonalAccessTokenCreateInput!) {\n    personalAccessTokenCreate(input: $input) {\n      token\n      errors\n    }\n  }\n": types.RapportCreatePersonalAccessTokenDocument,
    "\n  mutation RapportRevokePersonalAccessToken($input: PersonalAccessTokenRevokeInput!) {\n    personalAccessTokenRevoke(input: $input) {\n      errors\n    }\n  }\n": types.RapportRevokePersonalAccessTokenDocument,
    "\n  query RapportContactDuplicates($fullPath: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    group(fullPath: $fullPath) {\n      rapportCanDeleteCrm\n      rapportContactDuplicates(first: $first, after: $after, last: $last, before: $before) {\n        nodes { ...ContactDuplicatePair }\n        pageInfo { ...ListPageInfo }\n      }\n    }\n  }\n": types.RapportContactDuplicatesDocument,
    "\n  query RapportGroupContacts(\n    $fullPath: ID!, $search: String, $state: CustomerRelationsContactState, $sort: ContactSort,\n    $first: Int, $after: String, $last: Int, $before: String\n  ) {\n    group(fullPath: $fullPath) {\n      rapportCanAdminCrm rapportCanDeleteCrm\n      list: contacts(search: $search, state: $state, sort: $sort, first: $first, after: $after, last: $last, before: $before) {\n        nodes { ...ContactRecord }\n        pageInfo { ...ListPageInfo }\n      }\n      counts: contactStateCounts(search: $search) { all active inactive }\n    }\n  }\n": types.RapportGroupContactsDocument,
    "\n  query RapportGroupOrganizations(\n    $fullPath: ID!, $search: String, $state: CustomerRelationsOrganizationState, $sort: OrganizationSort, $tierId: RapportCustomerTierID,\n    $first: Int, $after: String, $last: Int, $before: String\n  ) {\n    group(fullPath: $fullPath) {\n      rapportCanAdminCrm rapportCanDeleteCrm\n      list: organizations(search: $search, state: $state, sort: $sort, tierId: $tierId, first: $first, after: $after, last: $last, before: $before) {\n        nodes { ...OrganizationTableRow }\n        pageInfo { ...ListPageInfo }\n      }\n      counts: organizationStateCounts(search: $search, tierId: $tierId) { all active inactive }\n    }\n  }\n": types.RapportGroupOrganizationsDocument,
    "\n  query RapportContactPage($fullPath: ID!, $ids: [CustomerRelationsContactID!]) {\n    group(fullPath: $fullPath) {\n      rapportCanAdminCrm rapportCanDeleteCrm\n      records: contacts(ids: $ids, first: 1) { nodes { ...ContactDetail } }\n    }\n  }\n": types.RapportContactPageDocument,
    "\n  query RapportOrganizationPage($fullPath: ID!, $ids: [CustomerRelationsOrganizationID!]) {\n    group(fullPath: $fullPath) {\n      rapportCanAdminCrm rapportCanDeleteCrm\n      records: organizations(ids: $ids, first: 1) { nodes { ...OrganizationDetail } }\n    }\n  }\n": types.RapportOrganizationPageDocument,
    "\n  query RapportCrmSettings($fullPath: ID!) {\n    group(fullPath: $fullPath) {\n      rapportCrmSettings { enabled sourceGroup { fullPath } }\n      descendantGroups(first: 100) { nodes { fullPath name } }\n    }\n  }\n": types.RapportCrmSettingsDocument,
    "\n  query RapportCustomerReportPage($fullPath: ID!, $from: String, $to: String) {\n    group(fullPath: $fullPath) {\n      rapportCustomerReport(from: $from, to: $to) { ...CustomerReportData }\n    }\n  }\n": types.RapportCustomerReportPageDocument,
    "\n  query RapportCustomerReportDrillDown($fullPath: ID!, $from: String, $to: String, $organizationId: CustomerRelationsOrganizationID!) {\n    group(fullPath: $fullPath) {\n      rapportCustomerReportOrganization(organizationId: $organizationId, from: $from, to: $to) { ...CustomerReportDrillDown }\n    }\n  }\n": types.RapportCustomerReportDrillDownDocument,
    "\n  query RapportCustomerRequestsPage($fullPath: ID!) {\n    group(fullPath: $fullPath) {\n      rapportCustomerRequests { ...CustomerRequestsOfTier }\n    }\n  }\n": types.RapportCustomerRequestsPageDocument,
    "\n  query RapportCustomerSettings($fullPath: ID!) {\n    group(fullPath: $fullPath) {\n      rapportCanManageCrm\n      rapportCrmCurrency\n      rapportCustomerTiers { ...CustomerSettingsTier }\n    }\n  }\n": types.RapportCustomerSettingsDocument,
    "\n  query RapportGroupIssues(\n    $fullPath: ID!, $state: IssuableState, $search: String, $crmContactId: String, $crmOrganizationId: String, $customerTier: String, $sort: IssueSort,\n    $first: Int, $after: String, $last: Int, $before: String,\n    $contactIds: [CustomerRelationsContactID!], $organizationIds: [CustomerRelationsOrganizationID!],\n    $withContact: Boolean!, $withOrganization: Boolean!\n  ) {\n    group(fullPath: $fullPath) {\n      rapportIssueCrmGroup {\n        fullPath\n        rapportCustomerTiers { id name }\n        filterContact: contacts(ids: $contactIds, first: 1) @include(if: $withContact) { nodes { id firstName lastName } }\n        filterOrganization: organizations(ids: $organizationIds, first: 1) @include(if: $withOrganization) { nodes { id name } }\n      }\n      issues(\n        includeSubgroups: true, state: $state, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId,\n        customerTier: $customerTier, sort: $sort, first: $first, after: $after, last: $last, before: $before\n      ) {\n        nodes { ...IssueListRow }\n        pageInfo { ...ListPageInfo }\n      }\n      opened: issues(includeSubgroups: true, state: opened, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n      closed: issues(includeSubgroups: true, state: closed, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n      all: issues(includeSubgroups: true, state: all, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n    }\n  }\n": types.RapportGroupIssuesDocument,
    "\n  query RapportViewerGroups {\n    groups(first: 100) { nodes { ...GroupListItem } }\n  }\n": types.RapportViewerGroupsDocument,
    "\n  query RapportGroupOverview($fullPath: ID!) {\n    group(fullPath: $fullPath) {\n      description\n      parent { name fullPath }\n      descendantGroups(includeParentDescendants: false, first: 100) { nodes { ...GroupListItem } }\n      projects(first: 100) { nodes { ...ProjectListItem } }\n    }\n  }\n": types.RapportGroupOverviewDocument,
    "\n  query RapportGroupSummary($fullPath: ID!) {\n    group(fullPath: $fullPath) { ...GroupSummary }\n  }\n": types.RapportGroupSummaryDocument,
    "\n  query RapportOrganizationAttributeOptions($fullPath: ID!) {\n    group(fullPath: $fullPath) { rapportCanManageCrm ...OrganizationAttributeOptions }\n  }\n": types.RapportOrganizationAttributeOptionsDocument,
    "\n  query RapportIssuePage($projectPath: ID!, $iid: String!) {\n    project(fullPath: $projectPath) {\n      ...ProjectSummary\n      rapportCanReadIssueContacts\n      rapportCanSetIssueContacts\n      rapportCrmGroup { id fullPath rapportCanAdminCrm }\n      issue(iid: $iid) { ...IssueView }\n    }\n  }\n": types.RapportIssuePageDocument,
    "\n  query RapportNewIssue($projectPath: ID!) {\n    project(fullPath: $projectPath) { ...ProjectSummary rapportCanSetIssueContacts }\n  }\n": types.RapportNewIssueDocument,
    "\n  query RapportProjectIssues(\n    $projectPath: ID!, $state: IssuableState, $search: String, $crmContactId: String, $crmOrganizationId: String, $customerTier: String, $sort: IssueSort,\n    $first: Int, $after: String, $last: Int, $before: String,\n    $contactIds: [CustomerRelationsContactID!], $organizationIds: [CustomerRelationsOrganizationID!],\n    $withContact: Boolean!, $withOrganization: Boolean!\n  ) {\n    project(fullPath: $projectPath) {\n      ...ProjectSummary\n      rapportCrmGroup {\n        fullPath\n        rapportCustomerTiers { id name }\n        filterContact: contacts(ids: $contactIds, first: 1) @include(if: $withContact) { nodes { id firstName lastName } }\n        filterOrganization: organizations(ids: $organizationIds, first: 1) @include(if: $withOrganization) { nodes { id name } }\n      }\n      issues(\n        state: $state, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId,\n        customerTier: $customerTier, sort: $sort, first: $first, after: $after, last: $last, before: $before\n      ) {\n        nodes { ...IssueListRow }\n        pageInfo { ...ListPageInfo }\n      }\n      opened: issues(state: opened, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n      closed: issues(state: closed, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n      all: issues(state: all, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n    }\n  }\n": types.RapportProjectIssuesDocument,
    "\n  query RapportPersonalAccessTokens {\n    rapportPersonalAccessTokens { ...PersonalAccessTokenRow }\n  }\n": types.RapportPersonalAccessTokensDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactDetail on CustomerRelationsContact {\n    id firstName lastName email phone description active createdAt updatedAt\n    organization { id name defaultRate active }\n    issues(first: 100) { count nodes { ...LinkedIssueItem } }\n    rapportActivity(first: 20) { ...ActivityItem }\n  }\n"): (typeof documents)["\n  fragment ContactDetail on CustomerRelationsContact {\n    id firstName lastName email phone description active createdAt updatedAt\n    organization { id name defaultRate active }\n    issues(first: 100) { count nodes { ...LinkedIssueItem } }\n    rapportActivity(first: 20) { ...ActivityItem }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactDuplicatePair on RapportContactDuplicate {\n    reasons\n    contact { ...ContactMergeSide }\n    duplicate { ...ContactMergeSide }\n  }\n"): (typeof documents)["\n  fragment ContactDuplicatePair on RapportContactDuplicate {\n    reasons\n    contact { ...ContactMergeSide }\n    duplicate { ...ContactMergeSide }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactRecord on CustomerRelationsContact {\n    id firstName lastName email phone description active\n    organization { ...OrganizationOption }\n  }\n"): (typeof documents)["\n  fragment ContactRecord on CustomerRelationsContact {\n    id firstName lastName email phone description active\n    organization { ...OrganizationOption }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactCard on CustomerRelationsContact {\n    firstName lastName email phone description active\n    organization { name defaultRate }\n  }\n"): (typeof documents)["\n  fragment ContactCard on CustomerRelationsContact {\n    firstName lastName email phone description active\n    organization { name defaultRate }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactMergeSide on CustomerRelationsContact {\n    id firstName lastName email phone description active\n    organization { id name }\n  }\n"): (typeof documents)["\n  fragment ContactMergeSide on CustomerRelationsContact {\n    id firstName lastName email phone description active\n    organization { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportCreateContact($input: CustomerRelationsContactCreateInput!) {\n    customerRelationsContactCreate(input: $input) {\n      contact { id firstName lastName }\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportCreateContact($input: CustomerRelationsContactCreateInput!) {\n    customerRelationsContactCreate(input: $input) {\n      contact { id firstName lastName }\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportUpdateContact($input: CustomerRelationsContactUpdateInput!) {\n    customerRelationsContactUpdate(input: $input) {\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportUpdateContact($input: CustomerRelationsContactUpdateInput!) {\n    customerRelationsContactUpdate(input: $input) {\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportCreateOrganization($input: CustomerRelationsOrganizationCreateInput!) {\n    customerRelationsOrganizationCreate(input: $input) {\n      organization { ...OrganizationOption }\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportCreateOrganization($input: CustomerRelationsOrganizationCreateInput!) {\n    customerRelationsOrganizationCreate(input: $input) {\n      organization { ...OrganizationOption }\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportUpdateOrganization($input: CustomerRelationsOrganizationUpdateInput!) {\n    customerRelationsOrganizationUpdate(input: $input) {\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportUpdateOrganization($input: CustomerRelationsOrganizationUpdateInput!) {\n    customerRelationsOrganizationUpdate(input: $input) {\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportDeleteContact($input: CustomerRelationsContactDeleteInput!) {\n    customerRelationsContactDelete(input: $input) {\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportDeleteContact($input: CustomerRelationsContactDeleteInput!) {\n    customerRelationsContactDelete(input: $input) {\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportDeleteOrganization($input: CustomerRelationsOrganizationDeleteInput!) {\n    customerRelationsOrganizationDelete(input: $input) {\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportDeleteOrganization($input: CustomerRelationsOrganizationDeleteInput!) {\n    customerRelationsOrganizationDelete(input: $input) {\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportOrganizationOptions($fullPath: ID!, $search: String) {\n    group(fullPath: $fullPath) {\n      organizations(search: $search, state: active, sort: NAME_ASC, first: 20) {\n        nodes { ...OrganizationOption }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RapportOrganizationOptions($fullPath: ID!, $search: String) {\n    group(fullPath: $fullPath) {\n      organizations(search: $search, state: active, sort: NAME_ASC, first: 20) {\n        nodes { ...OrganizationOption }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportUpdateCrmSettings($input: GroupCrmSettingsUpdateInput!) {\n    groupCrmSettingsUpdate(input: $input) {\n      crmSettings { enabled sourceGroup { fullPath } }\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportUpdateCrmSettings($input: GroupCrmSettingsUpdateInput!) {\n    groupCrmSettingsUpdate(input: $input) {\n      crmSettings { enabled sourceGroup { fullPath } }\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportMergeContacts($input: RapportCustomerRelationsContactMergeInput!) {\n    rapportCustomerRelationsContactMerge(input: $input) {\n      contact { id }\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportMergeContacts($input: RapportCustomerRelationsContactMergeInput!) {\n    rapportCustomerRelationsContactMerge(input: $input) {\n      contact { id }\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportCreateCustomerTier($input: RapportCustomerTierCreateInput!) {\n    rapportCustomerTierCreate(input: $input) {\n      tier { id }\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportCreateCustomerTier($input: RapportCustomerTierCreateInput!) {\n    rapportCustomerTierCreate(input: $input) {\n      tier { id }\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportUpdateCustomerTier($input: RapportCustomerTierUpdateInput!) {\n    rapportCustomerTierUpdate(input: $input) {\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportUpdateCustomerTier($input: RapportCustomerTierUpdateInput!) {\n    rapportCustomerTierUpdate(input: $input) {\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportDeleteCustomerTier($input: RapportCustomerTierDeleteInput!) {\n    rapportCustomerTierDelete(input: $input) {\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportDeleteCustomerTier($input: RapportCustomerTierDeleteInput!) {\n    rapportCustomerTierDelete(input: $input) {\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportUpdateCrmCurrency($input: RapportCrmCurrencyUpdateInput!) {\n    rapportCrmCurrencyUpdate(input: $input) {\n      currency\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportUpdateCrmCurrency($input: RapportCrmCurrencyUpdateInput!) {\n    rapportCrmCurrencyUpdate(input: $input) {\n      currency\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportAssignContactsByDomain($input: RapportContactsAssignByDomainInput!) {\n    rapportContactsAssignByDomain(input: $input) {\n      dryRun\n      assignments { contact { id firstName lastName email } organization { id name } }\n      ambiguous { contact { id firstName lastName email } organizations { id name } }\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportAssignContactsByDomain($input: RapportContactsAssignByDomainInput!) {\n    rapportContactsAssignByDomain(input: $input) {\n      dryRun\n      assignments { contact { id firstName lastName email } organization { id name } }\n      ambiguous { contact { id firstName lastName email } organizations { id name } }\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerReportData on RapportCustomerReport {\n    from to\n    organizations { organizationId name defaultRate linkedIssues issuesOpened issuesClosed hours billableAmount sharedIssues }\n    totals { linkedIssues issuesOpened issuesClosed hours billableAmount sharedIssues }\n  }\n"): (typeof documents)["\n  fragment CustomerReportData on RapportCustomerReport {\n    from to\n    organizations { organizationId name defaultRate linkedIssues issuesOpened issuesClosed hours billableAmount sharedIssues }\n    totals { linkedIssues issuesOpened issuesClosed hours billableAmount sharedIssues }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerReportDrillDown on RapportCustomerReportOrganization {\n    organization { id name defaultRate }\n    hours billableAmount\n    issues { iid title state webUrl organizationCount hours }\n    timelogs { timeSpent spentAt summary userName issueIid issueTitle }\n  }\n"): (typeof documents)["\n  fragment CustomerReportDrillDown on RapportCustomerReportOrganization {\n    organization { id name defaultRate }\n    hours billableAmount\n    issues { iid title state webUrl organizationCount hours }\n    timelogs { timeSpent spentAt summary userName issueIid issueTitle }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerRequestsOfTier on RapportCustomerRequestsOfTier {\n    tier { id name position }\n    issues {\n      id title webUrl reference(full: true)\n      customerWeight { organizationCount annualRevenue importantRequestCount highestTier { name } }\n      rapportCustomerRequests { important note contact { id firstName lastName organization { id name } } }\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerRequestsOfTier on RapportCustomerRequestsOfTier {\n    tier { id name position }\n    issues {\n      id title webUrl reference(full: true)\n      customerWeight { organizationCount annualRevenue importantRequestCount highestTier { name } }\n      rapportCustomerRequests { important note contact { id firstName lastName organization { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerSettingsTier on RapportCustomerTier { id name position organizationCount }\n"): (typeof documents)["\n  fragment CustomerSettingsTier on RapportCustomerTier { id name position organizationCount }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ListPageInfo on PageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n"): (typeof documents)["\n  fragment ListPageInfo on PageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationDetail on CustomerRelationsOrganization {\n    id name defaultRate description active createdAt updatedAt contactCount openIssueCount\n    domains annualRevenue tier { id name } accountOwner { id name username }\n    rapportBillingThisMonth { from to hours billableAmount }\n    contacts(first: 100, sort: LAST_NAME_ASC) { count nodes { id firstName lastName email phone active } }\n    issues(first: 100) { count nodes { ...LinkedIssueItem } }\n    rapportActivity(first: 20) { ...ActivityItem }\n  }\n"): (typeof documents)["\n  fragment OrganizationDetail on CustomerRelationsOrganization {\n    id name defaultRate description active createdAt updatedAt contactCount openIssueCount\n    domains annualRevenue tier { id name } accountOwner { id name username }\n    rapportBillingThisMonth { from to hours billableAmount }\n    contacts(first: 100, sort: LAST_NAME_ASC) { count nodes { id firstName lastName email phone active } }\n    issues(first: 100) { count nodes { ...LinkedIssueItem } }\n    rapportActivity(first: 20) { ...ActivityItem }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationRecord on CustomerRelationsOrganization {\n    id name defaultRate description active domains annualRevenue tier { id } accountOwner { id }\n  }\n"): (typeof documents)["\n  fragment OrganizationRecord on CustomerRelationsOrganization {\n    id name defaultRate description active domains annualRevenue tier { id } accountOwner { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationAttributeOptions on Group {\n    rapportCrmCurrency\n    rapportCustomerTiers { id name }\n    rapportCrmMembers { id name username }\n  }\n"): (typeof documents)["\n  fragment OrganizationAttributeOptions on Group {\n    rapportCrmCurrency\n    rapportCustomerTiers { id name }\n    rapportCrmMembers { id name username }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationOption on CustomerRelationsOrganization { id name }\n"): (typeof documents)["\n  fragment OrganizationOption on CustomerRelationsOrganization { id name }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationTableRow on CustomerRelationsOrganization { ...OrganizationRecord contactCount openIssueCount tier { id name } }\n"): (typeof documents)["\n  fragment OrganizationTableRow on CustomerRelationsOrganization { ...OrganizationRecord contactCount openIssueCount tier { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LinkedIssueItem on Issue { id iid title state webUrl createdAt closedAt }\n"): (typeof documents)["\n  fragment LinkedIssueItem on Issue { id iid title state webUrl createdAt closedAt }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityItem on RapportAuditEvent { id action createdAt actor { name username } changes { field text } }\n"): (typeof documents)["\n  fragment ActivityItem on RapportAuditEvent { id action createdAt actor { name username } changes { field text } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupSummary on Group { id name fullPath rapportCanReadCrm rapportCanAdminCrm rapportCanReadCustomerReport rapportCanAdminCrmSettings }\n"): (typeof documents)["\n  fragment GroupSummary on Group { id name fullPath rapportCanReadCrm rapportCanAdminCrm rapportCanReadCustomerReport rapportCanAdminCrmSettings }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupListItem on Group { id name fullPath description }\n"): (typeof documents)["\n  fragment GroupListItem on Group { id name fullPath description }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectListItem on Project { id name fullPath description }\n"): (typeof documents)["\n  fragment ProjectListItem on Project { id name fullPath description }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SuggestedContact on CustomerRelationsContact { id firstName lastName email }\n"): (typeof documents)["\n  fragment SuggestedContact on CustomerRelationsContact { id firstName lastName email }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactCandidate on CustomerRelationsContact {\n    ...SuggestedContact\n    organization { name }\n  }\n"): (typeof documents)["\n  fragment ContactCandidate on CustomerRelationsContact {\n    ...SuggestedContact\n    organization { name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportCustomerFilterContacts($fullPath: ID!, $search: String) {\n    group(fullPath: $fullPath) {\n      contacts(search: $search, sort: LAST_NAME_ASC, first: 20) { nodes { id firstName lastName email organization { name } } }\n    }\n  }\n"): (typeof documents)["\n  query RapportCustomerFilterContacts($fullPath: ID!, $search: String) {\n    group(fullPath: $fullPath) {\n      contacts(search: $search, sort: LAST_NAME_ASC, first: 20) { nodes { id firstName lastName email organization { name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportCustomerFilterOrganizations($fullPath: ID!, $search: String) {\n    group(fullPath: $fullPath) {\n      organizations(search: $search, sort: NAME_ASC, first: 20) { nodes { id name } }\n    }\n  }\n"): (typeof documents)["\n  query RapportCustomerFilterOrganizations($fullPath: ID!, $search: String) {\n    group(fullPath: $fullPath) {\n      organizations(search: $search, sort: NAME_ASC, first: 20) { nodes { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IssueSidebarContact on CustomerRelationsContact { id ...ContactCard }\n"): (typeof documents)["\n  fragment IssueSidebarContact on CustomerRelationsContact { id ...ContactCard }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IssueListRow on Issue {\n    id iid title state createdAt webUrl reference(full: true)\n    author { username name }\n    customerRelationsContacts { nodes { id firstName lastName organization { id name } } }\n    customerWeight { organizationCount annualRevenue importantRequestCount highestTier { name } }\n  }\n"): (typeof documents)["\n  fragment IssueListRow on Issue {\n    id iid title state createdAt webUrl reference(full: true)\n    author { username name }\n    customerRelationsContacts { nodes { id firstName lastName organization { id name } } }\n    customerWeight { organizationCount annualRevenue importantRequestCount highestTier { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IssueNoteItem on Note { id body system createdAt author { username name } }\n"): (typeof documents)["\n  fragment IssueNoteItem on Note { id body system createdAt author { username name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportCreateIssue($input: CreateIssueInput!) {\n    createIssue(input: $input) {\n      issue { iid }\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportCreateIssue($input: CreateIssueInput!) {\n    createIssue(input: $input) {\n      issue { iid }\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportCreateNote($input: CreateNoteInput!) {\n    createNote(input: $input) {\n      note { id }\n      errors\n      quickActionsStatus { messages errorMessages }\n    }\n  }\n"): (typeof documents)["\n  mutation RapportCreateNote($input: CreateNoteInput!) {\n    createNote(input: $input) {\n      note { id }\n      errors\n      quickActionsStatus { messages errorMessages }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportUpdateIssueState($input: UpdateIssueInput!) {\n    updateIssue(input: $input) {\n      issue { state }\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportUpdateIssueState($input: UpdateIssueInput!) {\n    updateIssue(input: $input) {\n      issue { state }\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportSetIssueContacts($input: IssueSetCrmContactsInput!) {\n    issueSetCrmContacts(input: $input) {\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportSetIssueContacts($input: IssueSetCrmContactsInput!) {\n    issueSetCrmContacts(input: $input) {\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportContactCandidates($projectPath: ID!, $iid: String!, $search: String) {\n    project(fullPath: $projectPath) {\n      issue(iid: $iid) {\n        rapportContactCandidates(search: $search, first: 20) { ...ContactCandidate }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RapportContactCandidates($projectPath: ID!, $iid: String!, $search: String) {\n    project(fullPath: $projectPath) {\n      issue(iid: $iid) {\n        rapportContactCandidates(search: $search, first: 20) { ...ContactCandidate }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportCreateTimelog($input: TimelogCreateInput!) {\n    timelogCreate(input: $input) {\n      timelog { id }\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportCreateTimelog($input: TimelogCreateInput!) {\n    timelogCreate(input: $input) {\n      timelog { id }\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportDeleteTimelog($input: TimelogDeleteInput!) {\n    timelogDelete(input: $input) {\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportDeleteTimelog($input: TimelogDeleteInput!) {\n    timelogDelete(input: $input) {\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportUpdateCustomerRequest($input: RapportIssueCustomerRequestUpdateInput!) {\n    rapportIssueCustomerRequestUpdate(input: $input) {\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportUpdateCustomerRequest($input: RapportIssueCustomerRequestUpdateInput!) {\n    rapportIssueCustomerRequestUpdate(input: $input) {\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IssueTimeTracking on Issue {\n    id timeEstimate totalTimeSpent humanTimeEstimate humanTotalTimeSpent rapportCanTrackTime\n    timelogs(first: 100) {\n      nodes { id timeSpent spentAt summary user { name } userPermissions { adminTimelog } }\n      pageInfo { hasNextPage }\n    }\n  }\n"): (typeof documents)["\n  fragment IssueTimeTracking on Issue {\n    id timeEstimate totalTimeSpent humanTimeEstimate humanTotalTimeSpent rapportCanTrackTime\n    timelogs(first: 100) {\n      nodes { id timeSpent spentAt summary user { name } userPermissions { adminTimelog } }\n      pageInfo { hasNextPage }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IssueView on Issue {\n    id iid title description state createdAt rapportCanUpdate\n    author { username name }\n    ...IssueTimeTracking\n    customerRelationsContacts(first: 100) { count nodes { ...IssueSidebarContact ...SuggestedContact } }\n    rapportCustomerRequests { important note contact { id } }\n    notes(first: 100) {\n      nodes { ...IssueNoteItem }\n      pageInfo { hasNextPage }\n    }\n  }\n"): (typeof documents)["\n  fragment IssueView on Issue {\n    id iid title description state createdAt rapportCanUpdate\n    author { username name }\n    ...IssueTimeTracking\n    customerRelationsContacts(first: 100) { count nodes { ...IssueSidebarContact ...SuggestedContact } }\n    rapportCustomerRequests { important note contact { id } }\n    notes(first: 100) {\n      nodes { ...IssueNoteItem }\n      pageInfo { hasNextPage }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectSummary on Project { id name fullPath description group { name fullPath } }\n"): (typeof documents)["\n  fragment ProjectSummary on Project { id name fullPath description group { name fullPath } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonalAccessTokenRow on PersonalAccessToken {\n    id\n    name\n    scopes\n    createdAt\n    lastUsedAt\n    expiresAt\n  }\n"): (typeof documents)["\n  fragment PersonalAccessTokenRow on PersonalAccessToken {\n    id\n    name\n    scopes\n    createdAt\n    lastUsedAt\n    expiresAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportCreatePersonalAccessToken($input: PersonalAccessTokenCreateInput!) {\n    personalAccessTokenCreate(input: $input) {\n      token\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportCreatePersonalAccessToken($input: PersonalAccessTokenCreateInput!) {\n    personalAccessTokenCreate(input: $input) {\n      token\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RapportRevokePersonalAccessToken($input: PersonalAccessTokenRevokeInput!) {\n    personalAccessTokenRevoke(input: $input) {\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RapportRevokePersonalAccessToken($input: PersonalAccessTokenRevokeInput!) {\n    personalAccessTokenRevoke(input: $input) {\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportContactDuplicates($fullPath: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    group(fullPath: $fullPath) {\n      rapportCanDeleteCrm\n      rapportContactDuplicates(first: $first, after: $after, last: $last, before: $before) {\n        nodes { ...ContactDuplicatePair }\n        pageInfo { ...ListPageInfo }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RapportContactDuplicates($fullPath: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    group(fullPath: $fullPath) {\n      rapportCanDeleteCrm\n      rapportContactDuplicates(first: $first, after: $after, last: $last, before: $before) {\n        nodes { ...ContactDuplicatePair }\n        pageInfo { ...ListPageInfo }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportGroupContacts(\n    $fullPath: ID!, $search: String, $state: CustomerRelationsContactState, $sort: ContactSort,\n    $first: Int, $after: String, $last: Int, $before: String\n  ) {\n    group(fullPath: $fullPath) {\n      rapportCanAdminCrm rapportCanDeleteCrm\n      list: contacts(search: $search, state: $state, sort: $sort, first: $first, after: $after, last: $last, before: $before) {\n        nodes { ...ContactRecord }\n        pageInfo { ...ListPageInfo }\n      }\n      counts: contactStateCounts(search: $search) { all active inactive }\n    }\n  }\n"): (typeof documents)["\n  query RapportGroupContacts(\n    $fullPath: ID!, $search: String, $state: CustomerRelationsContactState, $sort: ContactSort,\n    $first: Int, $after: String, $last: Int, $before: String\n  ) {\n    group(fullPath: $fullPath) {\n      rapportCanAdminCrm rapportCanDeleteCrm\n      list: contacts(search: $search, state: $state, sort: $sort, first: $first, after: $after, last: $last, before: $before) {\n        nodes { ...ContactRecord }\n        pageInfo { ...ListPageInfo }\n      }\n      counts: contactStateCounts(search: $search) { all active inactive }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportGroupOrganizations(\n    $fullPath: ID!, $search: String, $state: CustomerRelationsOrganizationState, $sort: OrganizationSort, $tierId: RapportCustomerTierID,\n    $first: Int, $after: String, $last: Int, $before: String\n  ) {\n    group(fullPath: $fullPath) {\n      rapportCanAdminCrm rapportCanDeleteCrm\n      list: organizations(search: $search, state: $state, sort: $sort, tierId: $tierId, first: $first, after: $after, last: $last, before: $before) {\n        nodes { ...OrganizationTableRow }\n        pageInfo { ...ListPageInfo }\n      }\n      counts: organizationStateCounts(search: $search, tierId: $tierId) { all active inactive }\n    }\n  }\n"): (typeof documents)["\n  query RapportGroupOrganizations(\n    $fullPath: ID!, $search: String, $state: CustomerRelationsOrganizationState, $sort: OrganizationSort, $tierId: RapportCustomerTierID,\n    $first: Int, $after: String, $last: Int, $before: String\n  ) {\n    group(fullPath: $fullPath) {\n      rapportCanAdminCrm rapportCanDeleteCrm\n      list: organizations(search: $search, state: $state, sort: $sort, tierId: $tierId, first: $first, after: $after, last: $last, before: $before) {\n        nodes { ...OrganizationTableRow }\n        pageInfo { ...ListPageInfo }\n      }\n      counts: organizationStateCounts(search: $search, tierId: $tierId) { all active inactive }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportContactPage($fullPath: ID!, $ids: [CustomerRelationsContactID!]) {\n    group(fullPath: $fullPath) {\n      rapportCanAdminCrm rapportCanDeleteCrm\n      records: contacts(ids: $ids, first: 1) { nodes { ...ContactDetail } }\n    }\n  }\n"): (typeof documents)["\n  query RapportContactPage($fullPath: ID!, $ids: [CustomerRelationsContactID!]) {\n    group(fullPath: $fullPath) {\n      rapportCanAdminCrm rapportCanDeleteCrm\n      records: contacts(ids: $ids, first: 1) { nodes { ...ContactDetail } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportOrganizationPage($fullPath: ID!, $ids: [CustomerRelationsOrganizationID!]) {\n    group(fullPath: $fullPath) {\n      rapportCanAdminCrm rapportCanDeleteCrm\n      records: organizations(ids: $ids, first: 1) { nodes { ...OrganizationDetail } }\n    }\n  }\n"): (typeof documents)["\n  query RapportOrganizationPage($fullPath: ID!, $ids: [CustomerRelationsOrganizationID!]) {\n    group(fullPath: $fullPath) {\n      rapportCanAdminCrm rapportCanDeleteCrm\n      records: organizations(ids: $ids, first: 1) { nodes { ...OrganizationDetail } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportCrmSettings($fullPath: ID!) {\n    group(fullPath: $fullPath) {\n      rapportCrmSettings { enabled sourceGroup { fullPath } }\n      descendantGroups(first: 100) { nodes { fullPath name } }\n    }\n  }\n"): (typeof documents)["\n  query RapportCrmSettings($fullPath: ID!) {\n    group(fullPath: $fullPath) {\n      rapportCrmSettings { enabled sourceGroup { fullPath } }\n      descendantGroups(first: 100) { nodes { fullPath name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportCustomerReportPage($fullPath: ID!, $from: String, $to: String) {\n    group(fullPath: $fullPath) {\n      rapportCustomerReport(from: $from, to: $to) { ...CustomerReportData }\n    }\n  }\n"): (typeof documents)["\n  query RapportCustomerReportPage($fullPath: ID!, $from: String, $to: String) {\n    group(fullPath: $fullPath) {\n      rapportCustomerReport(from: $from, to: $to) { ...CustomerReportData }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportCustomerReportDrillDown($fullPath: ID!, $from: String, $to: String, $organizationId: CustomerRelationsOrganizationID!) {\n    group(fullPath: $fullPath) {\n      rapportCustomerReportOrganization(organizationId: $organizationId, from: $from, to: $to) { ...CustomerReportDrillDown }\n    }\n  }\n"): (typeof documents)["\n  query RapportCustomerReportDrillDown($fullPath: ID!, $from: String, $to: String, $organizationId: CustomerRelationsOrganizationID!) {\n    group(fullPath: $fullPath) {\n      rapportCustomerReportOrganization(organizationId: $organizationId, from: $from, to: $to) { ...CustomerReportDrillDown }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportCustomerRequestsPage($fullPath: ID!) {\n    group(fullPath: $fullPath) {\n      rapportCustomerRequests { ...CustomerRequestsOfTier }\n    }\n  }\n"): (typeof documents)["\n  query RapportCustomerRequestsPage($fullPath: ID!) {\n    group(fullPath: $fullPath) {\n      rapportCustomerRequests { ...CustomerRequestsOfTier }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportCustomerSettings($fullPath: ID!) {\n    group(fullPath: $fullPath) {\n      rapportCanManageCrm\n      rapportCrmCurrency\n      rapportCustomerTiers { ...CustomerSettingsTier }\n    }\n  }\n"): (typeof documents)["\n  query RapportCustomerSettings($fullPath: ID!) {\n    group(fullPath: $fullPath) {\n      rapportCanManageCrm\n      rapportCrmCurrency\n      rapportCustomerTiers { ...CustomerSettingsTier }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportGroupIssues(\n    $fullPath: ID!, $state: IssuableState, $search: String, $crmContactId: String, $crmOrganizationId: String, $customerTier: String, $sort: IssueSort,\n    $first: Int, $after: String, $last: Int, $before: String,\n    $contactIds: [CustomerRelationsContactID!], $organizationIds: [CustomerRelationsOrganizationID!],\n    $withContact: Boolean!, $withOrganization: Boolean!\n  ) {\n    group(fullPath: $fullPath) {\n      rapportIssueCrmGroup {\n        fullPath\n        rapportCustomerTiers { id name }\n        filterContact: contacts(ids: $contactIds, first: 1) @include(if: $withContact) { nodes { id firstName lastName } }\n        filterOrganization: organizations(ids: $organizationIds, first: 1) @include(if: $withOrganization) { nodes { id name } }\n      }\n      issues(\n        includeSubgroups: true, state: $state, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId,\n        customerTier: $customerTier, sort: $sort, first: $first, after: $after, last: $last, before: $before\n      ) {\n        nodes { ...IssueListRow }\n        pageInfo { ...ListPageInfo }\n      }\n      opened: issues(includeSubgroups: true, state: opened, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n      closed: issues(includeSubgroups: true, state: closed, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n      all: issues(includeSubgroups: true, state: all, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n    }\n  }\n"): (typeof documents)["\n  query RapportGroupIssues(\n    $fullPath: ID!, $state: IssuableState, $search: String, $crmContactId: String, $crmOrganizationId: String, $customerTier: String, $sort: IssueSort,\n    $first: Int, $after: String, $last: Int, $before: String,\n    $contactIds: [CustomerRelationsContactID!], $organizationIds: [CustomerRelationsOrganizationID!],\n    $withContact: Boolean!, $withOrganization: Boolean!\n  ) {\n    group(fullPath: $fullPath) {\n      rapportIssueCrmGroup {\n        fullPath\n        rapportCustomerTiers { id name }\n        filterContact: contacts(ids: $contactIds, first: 1) @include(if: $withContact) { nodes { id firstName lastName } }\n        filterOrganization: organizations(ids: $organizationIds, first: 1) @include(if: $withOrganization) { nodes { id name } }\n      }\n      issues(\n        includeSubgroups: true, state: $state, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId,\n        customerTier: $customerTier, sort: $sort, first: $first, after: $after, last: $last, before: $before\n      ) {\n        nodes { ...IssueListRow }\n        pageInfo { ...ListPageInfo }\n      }\n      opened: issues(includeSubgroups: true, state: opened, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n      closed: issues(includeSubgroups: true, state: closed, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n      all: issues(includeSubgroups: true, state: all, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportViewerGroups {\n    groups(first: 100) { nodes { ...GroupListItem } }\n  }\n"): (typeof documents)["\n  query RapportViewerGroups {\n    groups(first: 100) { nodes { ...GroupListItem } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportGroupOverview($fullPath: ID!) {\n    group(fullPath: $fullPath) {\n      description\n      parent { name fullPath }\n      descendantGroups(includeParentDescendants: false, first: 100) { nodes { ...GroupListItem } }\n      projects(first: 100) { nodes { ...ProjectListItem } }\n    }\n  }\n"): (typeof documents)["\n  query RapportGroupOverview($fullPath: ID!) {\n    group(fullPath: $fullPath) {\n      description\n      parent { name fullPath }\n      descendantGroups(includeParentDescendants: false, first: 100) { nodes { ...GroupListItem } }\n      projects(first: 100) { nodes { ...ProjectListItem } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportGroupSummary($fullPath: ID!) {\n    group(fullPath: $fullPath) { ...GroupSummary }\n  }\n"): (typeof documents)["\n  query RapportGroupSummary($fullPath: ID!) {\n    group(fullPath: $fullPath) { ...GroupSummary }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportOrganizationAttributeOptions($fullPath: ID!) {\n    group(fullPath: $fullPath) { rapportCanManageCrm ...OrganizationAttributeOptions }\n  }\n"): (typeof documents)["\n  query RapportOrganizationAttributeOptions($fullPath: ID!) {\n    group(fullPath: $fullPath) { rapportCanManageCrm ...OrganizationAttributeOptions }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportIssuePage($projectPath: ID!, $iid: String!) {\n    project(fullPath: $projectPath) {\n      ...ProjectSummary\n      rapportCanReadIssueContacts\n      rapportCanSetIssueContacts\n      rapportCrmGroup { id fullPath rapportCanAdminCrm }\n      issue(iid: $iid) { ...IssueView }\n    }\n  }\n"): (typeof documents)["\n  query RapportIssuePage($projectPath: ID!, $iid: String!) {\n    project(fullPath: $projectPath) {\n      ...ProjectSummary\n      rapportCanReadIssueContacts\n      rapportCanSetIssueContacts\n      rapportCrmGroup { id fullPath rapportCanAdminCrm }\n      issue(iid: $iid) { ...IssueView }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportNewIssue($projectPath: ID!) {\n    project(fullPath: $projectPath) { ...ProjectSummary rapportCanSetIssueContacts }\n  }\n"): (typeof documents)["\n  query RapportNewIssue($projectPath: ID!) {\n    project(fullPath: $projectPath) { ...ProjectSummary rapportCanSetIssueContacts }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportProjectIssues(\n    $projectPath: ID!, $state: IssuableState, $search: String, $crmContactId: String, $crmOrganizationId: String, $customerTier: String, $sort: IssueSort,\n    $first: Int, $after: String, $last: Int, $before: String,\n    $contactIds: [CustomerRelationsContactID!], $organizationIds: [CustomerRelationsOrganizationID!],\n    $withContact: Boolean!, $withOrganization: Boolean!\n  ) {\n    project(fullPath: $projectPath) {\n      ...ProjectSummary\n      rapportCrmGroup {\n        fullPath\n        rapportCustomerTiers { id name }\n        filterContact: contacts(ids: $contactIds, first: 1) @include(if: $withContact) { nodes { id firstName lastName } }\n        filterOrganization: organizations(ids: $organizationIds, first: 1) @include(if: $withOrganization) { nodes { id name } }\n      }\n      issues(\n        state: $state, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId,\n        customerTier: $customerTier, sort: $sort, first: $first, after: $after, last: $last, before: $before\n      ) {\n        nodes { ...IssueListRow }\n        pageInfo { ...ListPageInfo }\n      }\n      opened: issues(state: opened, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n      closed: issues(state: closed, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n      all: issues(state: all, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n    }\n  }\n"): (typeof documents)["\n  query RapportProjectIssues(\n    $projectPath: ID!, $state: IssuableState, $search: String, $crmContactId: String, $crmOrganizationId: String, $customerTier: String, $sort: IssueSort,\n    $first: Int, $after: String, $last: Int, $before: String,\n    $contactIds: [CustomerRelationsContactID!], $organizationIds: [CustomerRelationsOrganizationID!],\n    $withContact: Boolean!, $withOrganization: Boolean!\n  ) {\n    project(fullPath: $projectPath) {\n      ...ProjectSummary\n      rapportCrmGroup {\n        fullPath\n        rapportCustomerTiers { id name }\n        filterContact: contacts(ids: $contactIds, first: 1) @include(if: $withContact) { nodes { id firstName lastName } }\n        filterOrganization: organizations(ids: $organizationIds, first: 1) @include(if: $withOrganization) { nodes { id name } }\n      }\n      issues(\n        state: $state, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId,\n        customerTier: $customerTier, sort: $sort, first: $first, after: $after, last: $last, before: $before\n      ) {\n        nodes { ...IssueListRow }\n        pageInfo { ...ListPageInfo }\n      }\n      opened: issues(state: opened, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n      closed: issues(state: closed, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n      all: issues(state: all, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RapportPersonalAccessTokens {\n    rapportPersonalAccessTokens { ...PersonalAccessTokenRow }\n  }\n"): (typeof documents)["\n  query RapportPersonalAccessTokens {\n    rapportPersonalAccessTokens { ...PersonalAccessTokenRow }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;