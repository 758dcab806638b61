import type DataLoader from 'dataloader';
import type { Contact } from '../crm/contact-queries';
import { ArrayPage, type CountedPage, emptyPage } from '../graphql/connections';
import { type Context, requestLoader } from '../graphql/context';
import type { Issue, Project } from '../groups/group-queries';
import type { PageArgs } from '../pagination/keyset';
import { contactsOfIssues, createIssueContactsLoader } from './issue-contacts-queries';

/** What an issue's contacts field shows: null (CRM off), an empty list (not allowed to read them) or the contacts. */
type ContactsAccess = 'off' | 'hidden' | 'shown';

export type IssueContactsConnection = ArrayPage<Contact> | CountedPage<Contact> | null;

interface Include {
  organizations: boolean;
}

function andThen<T, R>(value: T | Promise<T>, next: (value: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

async function accessOfProject(context: Context, projectId: number): Promise<ContactsAccess> {
  const project = await context.permissions.projectById(projectId);
  if (!project) throw new Error(`Project ${projectId} of an issue was not found`);
  if ((await context.permissions.crmEnabledFor(project.fullPath)) === null) return 'off';
  return (await context.permissions.canReadIssueContacts(project)) ? 'shown' : 'hidden';
}

/**
 * The request's issue contacts. Every issue of a project gets the same access answer, decided once;
 * a list of issues loads its issues' contacts ahead (`preload`), so each issue's field then
 * resolves without waiting. Other issues go through a batch loader.
 */
class IssueContactsOfRequest {
  private readonly access = new Map<number, ContactsAccess | Promise<ContactsAccess>>();
  private readonly preloaded = new Map<number, { contacts: Contact[]; organizations: boolean }>();
  private readonly loaders = new Map<boolean, DataLoader<number, Contact[]>>();

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

  /** `wantsOrganizations` is asked only when the contacts were not loaded ahead with their organizations. */
  contactsOf(issueId: number, wantsOrganizations: () => boolean): Contact[] | Promise<Contact[]> {
    const preloaded = this.preloaded.get(issueId);
    if (preloaded?.organizations) return preloaded.contacts;
    const organizations = wantsOrganizations();
    if (preloaded && !organizations) return preloaded.contacts;
    return this.loader({ organizations }).load(issueId);
  }

  private loader(include: Include): DataLoader<number, Contact[]> {
    let loader = this.loaders.get(include.organizations);
    if (!loader) {
      loader = createIssueContactsLoader(this.context.db, include);
      this.loaders.set(include.organizations, loader);
    }
    return loader;
  }

  async preload(projectId: number, issueIds: readonly number[], include: Include): Promise<void> {
    if ((await this.accessTo(projectId)) !== 'shown' || issueIds.length === 0) return;
    const byIssue = await contactsOfIssues(this.context.db, issueIds, include);
    for (const [issueId, contacts] of byIssue) this.preloaded.set(issueId, { contacts, organizations: include.organizations });
  }
}

function issueContactsOfRequest(context: Context): IssueContactsOfRequest {
  return requestLoader(context, 'issueContactsOfRequest', () => new IssueContactsOfRequest(context));
}

/**
 * `Issue.customerRelationsContacts`: null where customer relations are off (SPEC §2), empty for
 * people who may not see contacts. Synchronous when the issue's contacts were loaded ahead.
 */
export function issueContactsConnection(
  context: Context,
  issue: Pick<Issue, 'id' | 'projectId'>,
  args: PageArgs,
  wantsOrganizations: () => boolean,
): IssueContactsConnection | Promise<IssueContactsConnection> {
  const contactsOfRequest = issueContactsOfRequest(context);
  return andThen(contactsOfRequest.accessTo(issue.projectId), (access) => {
    if (access === 'off') return null;
    if (access === 'hidden') return emptyPage<Contact>();
    return andThen(contactsOfRequest.contactsOf(issue.id, wantsOrganizations), (contacts) => new ArrayPage(contacts, args));
  });
}

/** Loads the contacts of a page of one project's issues in one statement, ahead of their fields. */
export function preloadIssueContacts(context: Context, project: Pick<Project, 'id'>, issues: readonly Pick<Issue, 'id'>[], include: Include): Promise<void> {
  return issueContactsOfRequest(context).preload(
    project.id,
    issues.map((issue) => issue.id),
    include,
  );
}
