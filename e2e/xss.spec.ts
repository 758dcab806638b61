import { expect, type Page, test } from '@playwright/test';
import { graphql } from './crm-fixtures';
import { signIn } from './fixtures';
import { commentBox, contactsSection, failOnDialog, issuesUrl, uniqueTag } from './issues-helpers';

/**
 * Item 4 of the reliability suite: classic XSS payloads in every text field a user can write,
 * stored through the API, then every page that shows them opened in the browser. Nothing may run
 * (no dialog, `window.__xss` never set), nothing may be injected (no event-handler attribute, no
 * script or frame in the content, no `javascript:` or `data:` link), the payload must show as text,
 * and no page may report a Content-Security-Policy violation.
 */

const run = 'window.__xss=1;alert(document.domain)';
const payloads = {
  script: `<script>${run}</script>`,
  img: `<img src=x onerror=${run}>`,
  svg: `"><svg onload=${run}>`,
  attribute: `' autofocus onfocus=${run} x='`,
  iframe: `<iframe src="javascript:${run}"></iframe>`,
};
/** Markdown fields also get links and HTML that a sanitizer must defuse. */
const markdownPayload = [
  ...Object.values(payloads),
  `[markdown link](javascript:${run})`,
  `![markdown image](javascript:${run})`,
  `<a href="javascript:${run}">raw link</a>`,
  '[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  `<details open ontoggle=${run}><summary>toggle</summary></details>`,
  `<style>body{background:url("javascript:${run}")}</style>`,
  `<form action="javascript:${run}"><button>send</button></form>`,
  '{{constructor.constructor("window.__xss=1")()}}',
].join('\n\n');
const plainPayload = Object.values(payloads).join(' ');

interface Watch {
  dialogs: string[];
  cspViolations: string[];
}

/** Listens, from before the first page loads, for dialogs and Content-Security-Policy violations. */
async function watchPage(page: Page): Promise<Watch> {
  const watch: Watch = { dialogs: failOnDialog(page), cspViolations: [] };
  await page.exposeFunction('reportCspViolation', (violation: string) => watch.cspViolations.push(`${page.url()}: ${violation}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation?: (violation: string) => void }).reportCspViolation;
      report?.(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`);
    });
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) watch.cspViolations.push(`${page.url()}: ${message.text()}`);
  });
  return watch;
}

/** Everything on the page that a payload would have injected, described for the failure message. */
function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) found.push(`<${element.tagName.toLowerCase()} ${attribute.name}>`);
        if (/^\s*(javascript|data|vbscript):/i.test(attribute.value) && ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attribute.name)) {
          found.push(`<${element.tagName.toLowerCase()} ${attribute.name}="${attribute.value.slice(0, 40)}">`);
        }
      }
    }
    // What users write is shown in the page's main content, its sidebar, dialogs and hover cards.
    const content = 'main, aside, [role="dialog"], [role="listbox"], [data-testid="contact-hover-card"]';
    for (const element of Array.from(document.querySelectorAll(`:is(${content}) :is(script, iframe, frame, object, embed, svg, style, img[src="x"], details, form[action^="javascript" i])`))) {
      found.push(`<${element.tagName.toLowerCase()}> in the content`);
    }
    return found;
  });
}

async function expectNothingRan(page: Page, watch: Watch, where: string): Promise<void> {
  expect(await injectedElements(page), `injected elements on ${where}`).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `window.__xss on ${where}`).toBeUndefined();
  expect(watch.dialogs, `dialogs on ${where}`).toEqual([]);
  expect(watch.cspViolations, `CSP violations on ${where}`).toEqual([]);
}

interface Records {
  tag: string;
  contactId: string;
  unlinkedContactName: string;
  organizationId: string;
  issueIid: string;
  names: { firstName: string; lastName: string; phone: string; email: string; organization: string; title: string };
}

const numericId = (gid: string) => gid.split('/').pop() ?? '';

/** Creates the payload-laden organization, contacts, issue and comment through the API. */
async function createRecords(page: Page): Promise<Records> {
  const tag = uniqueTag();
  const { group } = await graphql<{ group: { id: string } }>(page, 'query { group(fullPath: "acme") { id } }', {});
  const names = {
    firstName: payloads.img,
    lastName: `${tag} ${payloads.script}`,
    // The address rule allows quotes and backticks in the local part.
    email: `'-alert\`1\`-'${tag}@xss.example`,
    phone: '<svg onload=alert(1)>',
    organization: `${tag} ${payloads.svg}`,
    title: `${tag} ${payloads.img} ${payloads.svg}`,
  };
  const organization = await graphql<{ customerRelationsOrganizationCreate: { organization: { id: string }; errors: string[] } }>(
    page,
    'mutation($input: CustomerRelationsOrganizationCreateInput!) { customerRelationsOrganizationCreate(input: $input) { organization { id } errors } }',
    { input: { groupId: group.id, name: names.organization, defaultRate: 42, description: plainPayload } },
  );
  expect(organization.customerRelationsOrganizationCreate.errors).toEqual([]);
  const organizationId = organization.customerRelationsOrganizationCreate.organization.id;

  const createContact = async (firstName: string, lastName: string, email: string) => {
    const created = await graphql<{ customerRelationsContactCreate: { contact: { id: string }; errors: string[] } }>(
      page,
      'mutation($input: CustomerRelationsContactCreateInput!) { customerRelationsContactCreate(input: $input) { contact { id } errors } }',
      { input: { groupId: group.id, organizationId, firstName, lastName, email, phone: names.phone, description: plainPayload } },
    );
    expect(created.customerRelationsContactCreate.errors).toEqual([]);
    return created.customerRelationsContactCreate.contact.id;
  };
  const contactId = await createContact(names.firstName, names.lastName, names.email);
  const unlinkedContactName = `${tag} ${payloads.attribute}`;
  await createContact(payloads.iframe, unlinkedContactName, `unlinked-${tag}@xss.example`);

  // An update, so the contact's and organization's activity show the payloads as changed values.
  const updated = await graphql<{ customerRelationsContactUpdate: { errors: string[] } }>(
    page,
    'mutation($input: CustomerRelationsContactUpdateInput!) { customerRelationsContactUpdate(input: $input) { errors } }',
    { input: { id: contactId, description: `${payloads.iframe} updated` } },
  );
  expect(updated.customerRelationsContactUpdate.errors).toEqual([]);
  const organizationUpdated = await graphql<{ customerRelationsOrganizationUpdate: { errors: string[] } }>(
    page,
    'mutation($input: CustomerRelationsOrganizationUpdateInput!) { customerRelationsOrganizationUpdate(input: $input) { errors } }',
    { input: { id: organizationId, description: `${payloads.attribute} updated` } },
  );
  expect(organizationUpdated.customerRelationsOrganizationUpdate.errors).toEqual([]);

  const issue = await graphql<{ createIssue: { issue: { id: string; iid: string }; errors: string[] } }>(
    page,
    'mutation($input: CreateIssueInput!) { createIssue(input: $input) { issue { id iid } errors } }',
    { input: { projectPath: 'acme/website', title: `${tag} before`, description: markdownPayload } },
  );
  expect(issue.createIssue.errors).toEqual([]);
  const { iid, id: issueId } = issue.createIssue.issue;
  // The title change leaves a system note quoting both titles in Markdown.
  const retitled = await graphql<{ updateIssue: { errors: string[] } }>(
    page,
    'mutation($input: UpdateIssueInput!) { updateIssue(input: $input) { errors } }',
    { input: { projectPath: 'acme/website', iid, title: names.title } },
  );
  expect(retitled.updateIssue.errors).toEqual([]);
  const linked = await graphql<{ issueSetCrmContacts: { errors: string[] } }>(
    page,
    'mutation($input: IssueSetCrmContactsInput!) { issueSetCrmContacts(input: $input) { errors } }',
    { input: { projectPath: 'acme/website', iid, contactIds: [contactId], operationMode: 'APPEND' } },
  );
  expect(linked.issueSetCrmContacts.errors).toEqual([]);
  const comment = await graphql<{ createNote: { errors: string[] } }>(
    page,
    'mutation($input: CreateNoteInput!) { createNote(input: $input) { errors } }',
    { input: { noteableId: issueId, body: markdownPayload } },
  );
  expect(comment.createNote.errors).toEqual([]);
  return { tag, contactId, unlinkedContactName, organizationId, issueIid: iid, names };
}

test('XSS payloads in every text field stay text on every page that shows them', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await watchPage(page);
  await signIn(page, 'developer');
  // A page that carries the session's CSRF token, which the API calls send.
  await page.goto('/groups/acme/-/crm/contacts');
  const records = await createRecords(page);
  const { tag, names } = records;
  const main = page.getByRole('main');

  await page.goto(`/groups/acme/-/crm/contacts?state=all&search=${tag}`);
  await expect(main).toContainText(names.lastName);
  await expect(main).toContainText(names.firstName);
  await expect(main).toContainText(names.phone);
  await expect(main).toContainText(names.email);
  await expect(main).toContainText(names.organization);
  await expect(main).toContainText(payloads.iframe);
  await expectNothingRan(page, watch, 'the contacts list');

  await main.getByRole('row').filter({ hasText: names.lastName }).getByRole('button', { name: /^Edit / }).click();
  const drawer = page.getByRole('dialog', { name: 'Edit contact' });
  const organizationSelect = drawer.getByRole('combobox', { name: 'Organization' });
  await expect(organizationSelect).toHaveValue(names.organization);
  await expect(drawer.getByLabel('Description')).toHaveValue(`${payloads.iframe} updated`);
  await organizationSelect.fill(tag);
  await expect(drawer.getByRole('listbox', { name: 'Organizations' })).toContainText(names.organization);
  await expectNothingRan(page, watch, 'the contact edit drawer');

  await page.goto(`/groups/acme/-/crm/organizations?state=all&search=${tag}`);
  await expect(main).toContainText(names.organization);
  await expect(main).toContainText(`${payloads.attribute} updated`);
  await expectNothingRan(page, watch, 'the organizations list');

  await page.goto(`/groups/acme/-/crm/contacts/${numericId(records.contactId)}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(names.lastName);
  await expect(main).toContainText(`${payloads.iframe} updated`);
  await expect(main).toContainText(names.title);
  await expect(page.getByRole('list', { name: 'Recent activity' })).toContainText(payloads.iframe);
  await expectNothingRan(page, watch, 'the contact page');

  await page.goto(`/groups/acme/-/crm/organizations/${numericId(records.organizationId)}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(names.organization);
  await expect(main).toContainText(names.lastName);
  await expect(main).toContainText(names.title);
  await expect(page.getByRole('list', { name: 'Recent activity' })).toContainText(payloads.attribute);
  await expectNothingRan(page, watch, 'the organization page');

  for (const query of [`search=${tag}`, `crm_contact_id=${numericId(records.contactId)}`, `crm_organization_id=${numericId(records.organizationId)}`]) {
    await page.goto(`${issuesUrl()}?state=all&${query}`);
    await expect(main).toContainText(names.title);
    await expectNothingRan(page, watch, `the issue list (${query})`);
  }
  await expect(page.getByTestId('organization-filter')).toContainText(names.organization);

  await page.goto(`${issuesUrl()}/${records.issueIid}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(names.title);
  await expect(page.getByTestId('issue-description')).toContainText(payloads.script);
  await expect(page.getByTestId('issue-description').getByText('markdown link')).toBeVisible();
  await expect(page.getByTestId('note').last()).toContainText(payloads.svg);
  await expect(page.getByTestId('system-note').filter({ hasText: 'changed title' })).toContainText(payloads.img);
  await expectNothingRan(page, watch, 'the issue page');

  await contactsSection(page).getByTestId('contact-link').first().hover();
  const card = page.getByTestId('contact-hover-card');
  await expect(card).toBeVisible();
  await expect(card).toContainText(names.phone);
  await expect(card).toContainText(names.organization);
  await expect(card).toContainText(`${payloads.iframe} updated`);
  await expectNothingRan(page, watch, 'the contact hover card');
  await page.keyboard.press('Escape');

  await contactsSection(page).getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('combobox', { name: 'Search contacts' }).fill(tag);
  await expect(page.getByRole('listbox', { name: 'Contacts to add' })).toContainText(records.unlinkedContactName);
  await expectNothingRan(page, watch, 'the contact picker');

  await commentBox(page).click();
  await page.keyboard.type(`/add_contacts [contact:unlinked-${tag}`);
  await expect(page.getByRole('listbox', { name: 'Contacts to add' }).last()).toContainText(records.unlinkedContactName);
  await expectNothingRan(page, watch, 'the comment autocomplete');

  // Following the defused Markdown link goes nowhere and runs nothing.
  await page.keyboard.press('Escape');
  await page.getByTestId('issue-description').getByText('markdown link').click();
  await expectNothingRan(page, watch, 'the issue page after clicking the link');
});
