import type DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { Contact } from '../crm/contact-repository';
import { ArrayPage, type CountedPage, emptyPage } from '../graphql/connections';
import { type Context, requestLoader } from '../graphql/context';
import { nodeFieldNames, nodesSelect } from '../graphql/selection';
import type { Project } from '../groups/group-repository';
import { findIssueByIid, type Issue } from './issue-repository';
import type { PageArgs } from '../pagination/keyset';
import {
  contactsOfIssues,
  createIssueContactsLoader,
  issueByIidWithContacts,
  type IssueContactsShape,
  issueContactsShape,
  shapeCovers,
  shapeName,
} from './issue-contacts-repository';

/** What an issue's contacts field shows: null (CRM off), an empty list (not allowed to read them) or the contacts. */
export type ContactsAccess = 'off' | 'hidden' | 'shown';

export type IssueContactsConnection = ArrayPage<Contact> | CountedPage<Contact> | null;

async function accessOfProject(context: Context, projectId: number): Promise<ContactsAccess> {
  const project = await context.permissions.projectById(projectId);
  if (!project) throw new Error(`Project ${projectId} of an issue was not found`);
  if ((await context.permissions.crmEnabledFor(project.fullPath)) === null) return 'off';
  return (await context.permissions.canReadIssueContacts(project)) ? 'shown' : 'hidden';
}

/**
 * The request's issue contacts. Every issue of a project gets the same access answer, decided once;
 * a list of issues loads its issues' contacts ahead (`preload`), so each issue's field then
 * resolves without waiting. Other issues go through a batch loader per shape.
 */
class IssueContactsOfRequest {
  private readonly access = new Map<number, ContactsAccess | Promise<ContactsAccess>>();
  private readonly preloaded = new Map<number, { contacts: Contact[]; shape: IssueContactsShape }>();
  private readonly loaders = new Map<string, DataLoader<number, Contact[]>>();

  constructor(private readonly context: Context) {}

  accessTo(projectId: number): ContactsAccess | Promise<ContactsAccess> {
    let access = this.access.get(projectId);
    if (access === undefined) {
      access = accessOfProject(this.context, projectId).then((known) => {
        this.access.set(projectId, known);
        return known;
      });
      this.access.set(projectId, access);
    }
    return access;
  }

  contactsOf(issueId: number, shape: IssueContactsShape): Contact[] | Promise<Contact[]> {
    const preloaded = this.preloaded.get(issueId);
    if (preloaded && shapeCovers(preloaded.shape, shape)) return preloaded.contacts;
    const name = shapeName(shape);
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = createIssueContactsLoader(this.context.db, shape);
      this.loaders.set(name, loader);
    }
    return loader.load(issueId);
  }

  /** The contacts of the issues whose projects show them, in one statement (a list may span projects). */
  async preload(issues: readonly Pick<Issue, 'id' | 'projectId'>[], shape: IssueContactsShape): Promise<void> {
    const projectIds = [...new Set(issues.map((issue) => issue.projectId))];
    const access = await Promise.all(projectIds.map((projectId) => this.accessTo(projectId)));
    const shown = new Set(projectIds.filter((_, index) => access[index] === 'shown'));
    const issueIds = issues.filter((issue) => shown.has(issue.projectId)).map((issue) => issue.id);
    if (issueIds.length === 0) return;
    const byIssue = await contactsOfIssues(this.context.db, issueIds, shape);
    for (const [issueId, contacts] of byIssue) this.remember(issueId, contacts, shape);
  }

  /** Contacts of an issue loaded with it, for its field to resolve without a statement. */
  remember(issueId: number, contacts: Contact[], shape: IssueContactsShape): void {
    this.preloaded.set(issueId, { contacts, shape });
  }
}

function issueContactsOfRequest(context: Context): IssueContactsOfRequest {
  return requestLoader(context, 'issueContactsOfRequest', () => new IssueContactsOfRequest(context));
}

/** By field group: the issues of a list share theirs (see `nodesSelect`). */
const shapesByFieldNodes = new WeakMap<GraphQLResolveInfo['fieldNodes'], IssueContactsShape>();

/** The shape of contacts the field being resolved asks for. */
function shapeAskedBy(info: GraphQLResolveInfo): IssueContactsShape {
  let shape = shapesByFieldNodes.get(info.fieldNodes);
  if (!shape) {
    shape = issueContactsShape(nodeFieldNames(info, [], 'connection'), nodeFieldNames(info, ['organization'], 'object'));
    shapesByFieldNodes.set(info.fieldNodes, shape);
  }
  return shape;
}

/**
 * `Issue.customerRelationsContacts`: null where customer relations are off (SPEC §2), empty for
 * people who may not see contacts. Synchronous when the issue's contacts were loaded ahead.
 */
export function issueContactsConnection(
  context: Context,
  issue: Pick<Issue, 'id' | 'projectId'>,
  args: PageArgs,
  info: GraphQLResolveInfo,
): IssueContactsConnection | Promise<IssueContactsConnection> {
  const contactsOfRequest = issueContactsOfRequest(context);
  const access = contactsOfRequest.accessTo(issue.projectId);
  // Once decided, the access is known without waiting: the field is resolved again.
  if (access instanceof Promise) return access.then(() => issueContactsConnection(context, issue, args, info));
  if (access === 'off') return null;
  if (access === 'hidden') return emptyPage<Contact>();
  const contacts = contactsOfRequest.contactsOf(issue.id, shapeAskedBy(info));
  return contacts instanceof Promise ? contacts.then((loaded) => new ArrayPage(loaded, args)) : new ArrayPage(contacts, args);
}

/**
 * Whether the viewer sees the contacts of the project's issues: decided once per project and
 * request, for every field that shows them (contacts, customer requests, customer weight).
 */
export function issueContactsAccess(context: Context, projectId: number): ContactsAccess | Promise<ContactsAccess> {
  return issueContactsOfRequest(context).accessTo(projectId);
}

const contactsField = 'customerRelationsContacts';

/** The shape of contacts the issues of the field being resolved (a list, or one issue) ask for; null when they ask for none. */
function contactsShapeOfIssues(info: GraphQLResolveInfo): IssueContactsShape | null {
  if (!nodesSelect(info, contactsField)) return null;
  return issueContactsShape(nodeFieldNames(info, [contactsField], 'connection'), nodeFieldNames(info, [contactsField, 'organization'], 'object'));
}

/**
 * Loads the contacts of a page of issues (of one project or several) in one statement, ahead of
 * their fields, when the page's nodes ask for them (`info` is the list field's).
 */
export async function preloadIssueContacts(
  context: Context,
  issues: readonly Pick<Issue, 'id' | 'projectId'>[],
  info: GraphQLResolveInfo,
): Promise<void> {
  const shape = contactsShapeOfIssues(info);
  if (!shape) return;
  await issueContactsOfRequest(context).preload(issues, shape);
}

/**
 * `Project.issue`: the issue by iid and, when the field asks for its contacts and the viewer may
 * see them, its contacts in the same statement (`info` is the issue field's).
 */
export async function issueByIidWithContactsAhead(context: Context, project: Pick<Project, 'id'>, iid: number, info: GraphQLResolveInfo): Promise<Issue | null> {
  const shape = contactsShapeOfIssues(info);
  const contactsOfRequest = issueContactsOfRequest(context);
  if (!shape || (await contactsOfRequest.accessTo(project.id)) !== 'shown') return findIssueByIid(context.db, project.id, iid);
  const found = await issueByIidWithContacts(context.db, project.id, iid, shape);
  if (!found) return null;
  contactsOfRequest.remember(found.issue.id, found.contacts, shape);
  return found.issue;
}
