import type { accessLevels } from './schema/groups';

/**
 * The demo instance's data (SPEC §7), written by `seedDemoData` (seed.ts). Everything is hand-written
 * so the demo instance is the same on every machine.
 */

/** The password of every demo user (printed by `npm run db:seed` and the README). */
export const demoPassword = 'rapport-demo';

export type Role = keyof typeof accessLevels;

export interface DemoUser {
  username: string;
  name: string;
  admin?: boolean;
  /** Membership of `acme` (none for admin and outsider). */
  acmeRole?: Role;
  /** Membership of `globex`. */
  globexRole?: Role;
}

export const demoUsers: DemoUser[] = [
  { username: 'admin', name: 'Ada Admin', admin: true },
  { username: 'owner', name: 'Olivia Owner', acmeRole: 'owner' },
  { username: 'maintainer', name: 'Mateo Maintainer', acmeRole: 'maintainer' },
  { username: 'developer', name: 'Devi Developer', acmeRole: 'developer' },
  { username: 'reporter', name: 'Rosa Reporter', acmeRole: 'reporter' },
  { username: 'planner', name: 'Pavel Planner', acmeRole: 'planner' },
  { username: 'guest', name: 'Grace Guest', acmeRole: 'guest' },
  { username: 'outsider', name: 'Oscar Outsider', globexRole: 'developer' },
];

export interface DemoOrganization {
  name: string;
  /** Mail domain of its contacts, also the organization's own domain (issue 15). */
  domain: string;
  defaultRate?: string;
  description?: string;
  inactive?: boolean;
  /** Name of one of its group's `demoTiers`. */
  tier?: string;
  annualRevenue?: string;
  /** Username of a member of its group. */
  accountOwner?: string;
}

/** Every demo group's customer tiers, highest first (issue 15). */
export const demoTiers = ['Enterprise', 'Business', 'Free'];

/** The currency of each demo group's annual revenues. */
export const demoCurrencies = { acme: 'USD', globex: 'EUR' } as const;

export const acmeOrganizations: DemoOrganization[] = [
  {
    name: 'Northwind Traders',
    domain: 'northwind.example',
    defaultRate: '120.00',
    description: 'Wholesale food importer. Enterprise plan, renews every January.',
    tier: 'Enterprise',
    annualRevenue: '48000000.00',
    accountOwner: 'maintainer',
  },
  { name: 'Harborview Hotels', domain: 'harborview.example', defaultRate: '150.00', description: 'Boutique hotel chain with 14 properties on the west coast.', tier: 'Business', annualRevenue: '12500000.00', accountOwner: 'developer' },
  { name: 'Cedar Valley Credit Union', domain: 'cedarvalley.example', defaultRate: '175.00', description: 'Regulated customer: all changes need a written change request.', tier: 'Enterprise', annualRevenue: '95000000.00', accountOwner: 'maintainer' },
  { name: 'Brightline Freight', domain: 'brightline.example', defaultRate: '95.50', tier: 'Business', annualRevenue: '7800000.00', accountOwner: 'developer' },
  { name: 'Maple & Finch Architects', domain: 'maplefinch.example', description: 'Small studio, prefers phone calls over email.', tier: 'Free', annualRevenue: '850000.00' },
  { name: 'Lumen Analytics', domain: 'lumen.example', defaultRate: '135.00', tier: 'Business', annualRevenue: '15200000.00', accountOwner: 'developer' },
  { name: 'Greenfield Veterinary Clinic', domain: 'greenfieldvet.example', defaultRate: '80.00', description: 'Three clinics; online booking is their main channel.', tier: 'Free', annualRevenue: '2300000.00' },
  { name: 'Summit Ridge Outfitters', domain: 'summitridge.example', tier: 'Free' },
  { name: 'Redwood Legal LLP', domain: 'redwoodlegal.example', defaultRate: '200.00', description: 'Law firm. Billing questions go to the office manager.', tier: 'Enterprise', annualRevenue: '31000000.00', accountOwner: 'owner' },
  { name: 'Tidewater Marine Services', domain: 'tidewater.example', defaultRate: '110.00', tier: 'Business', annualRevenue: '6400000.00' },
  { name: 'Kestrel Software', domain: 'kestrel.example', defaultRate: '125.00', description: 'Reseller partner in Germany.', tier: 'Enterprise', annualRevenue: '22000000.00', accountOwner: 'maintainer' },
  { name: 'Quarry Lane Bakery', domain: 'quarrylane.example', defaultRate: '60.00', tier: 'Free', annualRevenue: '420000.00' },
  {
    name: 'Orbital Print Co.',
    domain: 'orbitalprint.example',
    description: 'Former customer; contract ended last spring.',
    inactive: true,
  },
  { name: 'Blue Harbor Dental', domain: 'blueharbor.example', defaultRate: '90.00', tier: 'Free' },
];

export const globexOrganizations: DemoOrganization[] = [
  { name: 'Springfield Nuclear Supply', domain: 'snsupply.example', defaultRate: '140.00', description: 'Largest Globex account.', tier: 'Enterprise', annualRevenue: '120000000.00', accountOwner: 'outsider' },
  { name: 'Cypress Creek Realty', domain: 'cypresscreek.example', defaultRate: '85.00', tier: 'Business', annualRevenue: '3900000.00' },
  { name: 'Hank Scorpio Holdings', domain: 'scorpio.example', description: 'Invoiced quarterly.' },
];

export interface DemoContact {
  firstName: string;
  lastName: string;
  /** Name of the organization (its domain gives the email), or null for a private address. */
  organization: string | null;
  phone?: string;
  description?: string;
  inactive?: boolean;
  /** Overrides the generated first.last@domain address. */
  email?: string;
}

export const acmeContacts: DemoContact[] = [
  { firstName: 'Alice', lastName: 'Johnson', organization: 'Northwind Traders', phone: '+1 206 555 0101', description: 'Head of e-commerce; main contact for the website.' },
  { firstName: 'Bob', lastName: 'Martinez', organization: 'Northwind Traders', phone: '+1 206 555 0102', description: 'Finance; approves invoices.' },
  { firstName: 'Chloé', lastName: 'Dubois', organization: 'Northwind Traders', phone: '+33 1 99 00 12 34', email: 'chloe.dubois@northwind.example' },
  { firstName: 'Daniel', lastName: 'Okafor', organization: 'Harborview Hotels', phone: '+1 415 555 0110', description: 'IT director.' },
  { firstName: 'Emily', lastName: 'Chen', organization: 'Harborview Hotels', phone: '+1 415 555 0111' },
  { firstName: 'Farid', lastName: 'Haddad', organization: 'Harborview Hotels', phone: '+1 415 555 0112', inactive: true, description: 'Left the company in March.' },
  { firstName: 'Grace', lastName: 'Whitfield', organization: 'Cedar Valley Credit Union', phone: '+1 503 555 0120', description: 'Compliance officer. Needs change requests in writing.' },
  { firstName: 'Henry', lastName: 'Nakamura', organization: 'Cedar Valley Credit Union', phone: '+1 503 555 0121' },
  { firstName: 'Isabel', lastName: 'Santos', organization: 'Cedar Valley Credit Union', phone: '+1 503 555 0122', description: 'Project manager for the portal rollout.' },
  { firstName: 'Jamal', lastName: 'Reed', organization: 'Brightline Freight', phone: '+1 312 555 0130' },
  { firstName: 'Katarzyna', lastName: 'Nowak', organization: 'Brightline Freight', phone: '+48 22 555 01 31' },
  { firstName: 'Liam', lastName: "O'Brien", organization: 'Brightline Freight', email: 'liam.obrien@brightline.example' },
  { firstName: 'Maya', lastName: 'Patel', organization: 'Maple & Finch Architects', phone: '+1 617 555 0140', description: 'Partner. Prefers phone calls.' },
  { firstName: 'Noah', lastName: 'Fischer', organization: 'Maple & Finch Architects', phone: '+1 617 555 0141' },
  { firstName: 'Olga', lastName: 'Ivanova', organization: 'Lumen Analytics', phone: '+1 646 555 0150', description: 'VP Engineering.' },
  { firstName: 'Pedro', lastName: 'Alvarez', organization: 'Lumen Analytics', phone: '+1 646 555 0151' },
  { firstName: 'Quinn', lastName: 'Harper', organization: 'Lumen Analytics', inactive: true },
  { firstName: 'Rachel', lastName: 'Goldberg', organization: 'Greenfield Veterinary Clinic', phone: '+1 720 555 0160', description: 'Practice manager; owns the booking system.' },
  { firstName: 'Samuel', lastName: 'Mensah', organization: 'Greenfield Veterinary Clinic', phone: '+1 720 555 0161' },
  { firstName: 'Tara', lastName: 'Lindqvist', organization: 'Summit Ridge Outfitters', phone: '+1 801 555 0170' },
  { firstName: 'Umar', lastName: 'Siddiqui', organization: 'Summit Ridge Outfitters', phone: '+1 801 555 0171', description: 'Runs the online shop.' },
  { firstName: 'Valerie', lastName: 'Brooks', organization: 'Redwood Legal LLP', phone: '+1 916 555 0180', description: 'Office manager; handles billing questions.' },
  { firstName: 'William', lastName: 'Thornton', organization: 'Redwood Legal LLP', phone: '+1 916 555 0181' },
  { firstName: 'Ximena', lastName: 'Rojas', organization: 'Redwood Legal LLP', phone: '+1 916 555 0182' },
  { firstName: 'Yusuf', lastName: 'Demir', organization: 'Tidewater Marine Services', phone: '+1 757 555 0190' },
  { firstName: 'Zoë', lastName: 'Müller', organization: 'Kestrel Software', phone: '+49 30 5550 1200', email: 'zoe.mueller@kestrel.example', description: 'Partner manager for DACH resellers.' },
  { firstName: 'Aaron', lastName: 'Blake', organization: 'Kestrel Software', phone: '+49 30 5550 1201' },
  { firstName: 'Bianca', lastName: 'Rossi', organization: 'Quarry Lane Bakery', phone: '+1 207 555 0210' },
  { firstName: 'Carlos', lastName: 'Mendoza', organization: 'Orbital Print Co.', phone: '+1 602 555 0220', inactive: true },
  { firstName: 'Diana', lastName: 'Kowalski', organization: 'Orbital Print Co.', inactive: true, description: 'Contract ended; keep for the billing history.' },
  { firstName: 'Ethan', lastName: 'Walsh', organization: 'Blue Harbor Dental', phone: '+1 843 555 0230' },
  { firstName: 'Fatima', lastName: 'Zahra', organization: 'Blue Harbor Dental', phone: '+1 843 555 0231', description: 'Front desk lead.' },
  { firstName: 'George', lastName: 'Papadopoulos', organization: 'Northwind Traders', phone: '+30 21 0555 0101' },
  { firstName: 'Hannah', lastName: 'Schmidt', organization: 'Harborview Hotels', phone: '+1 415 555 0113' },
  { firstName: 'Ivan', lastName: 'Petrov', organization: 'Brightline Freight', phone: '+1 312 555 0132' },
  { firstName: 'Julia', lastName: 'Costa', organization: 'Lumen Analytics', phone: '+1 646 555 0152', description: 'Data team lead.' },
  { firstName: 'Kenji', lastName: 'Watanabe', organization: 'Kestrel Software', phone: '+81 3 5550 0123' },
  { firstName: 'Laura', lastName: 'Bennett', organization: 'Cedar Valley Credit Union', phone: '+1 503 555 0123' },
  { firstName: 'Marcus', lastName: 'Johnson', organization: 'Tidewater Marine Services', phone: '+1 757 555 0191', description: 'Operations manager.' },
  { firstName: 'Nadia', lastName: 'Karimi', organization: 'Greenfield Veterinary Clinic' },
  { firstName: 'Oliver', lastName: 'Grant', organization: 'Summit Ridge Outfitters', phone: '+1 801 555 0172' },
  { firstName: 'Priya', lastName: 'Raman', organization: 'Redwood Legal LLP', phone: '+1 916 555 0183' },
  { firstName: 'Rafael', lastName: 'Oliveira', organization: 'Quarry Lane Bakery', phone: '+1 207 555 0211' },
  { firstName: 'Sofia', lastName: 'Andersson', organization: 'Blue Harbor Dental', phone: '+1 843 555 0232' },
  { firstName: 'Thomas', lastName: 'Wright', organization: 'Maple & Finch Architects', phone: '+1 617 555 0142', inactive: true },
  { firstName: 'Ursula', lastName: 'Klein', organization: 'Kestrel Software', phone: '+49 30 5550 1202' },
  { firstName: 'Victor', lastName: 'Nguyen', organization: 'Harborview Hotels', phone: '+1 415 555 0114', description: 'Night manager; reports booking outages.' },
  { firstName: 'Wendy', lastName: 'Foster', organization: 'Tidewater Marine Services', phone: '+1 757 555 0192' },
  { firstName: 'Xavier', lastName: 'Dupont', organization: 'Northwind Traders', phone: '+33 1 99 00 12 35' },
  { firstName: 'Yara', lastName: 'Haddad', organization: 'Lumen Analytics', phone: '+1 646 555 0153' },
  { firstName: 'Zachary', lastName: 'Cole', organization: 'Brightline Freight', phone: '+1 312 555 0133' },
  { firstName: 'Amelia', lastName: 'Hughes', organization: null, phone: '+44 20 7946 0018', email: 'amelia.hughes@mail.example', description: 'Freelance consultant working with several customers.' },
  { firstName: 'Benjamin', lastName: 'Clarke', organization: null, phone: '+44 20 7946 0019', email: 'ben.clarke@mail.example' },
  { firstName: 'Camila', lastName: 'Herrera', organization: null, email: 'camila.herrera@mail.example' },
  { firstName: 'David', lastName: 'Smith', organization: null, phone: '+1 555 0100', email: 'david.smith@mail.example', description: 'Prospect from the spring trade show.' },
  { firstName: 'Elena', lastName: 'Popescu', organization: null, phone: '+40 21 555 0100', email: 'elena.popescu@mail.example', inactive: true },
  { firstName: 'John', lastName: 'Smith', organization: 'Cedar Valley Credit Union', phone: '+1 503 555 0124', description: 'Branch IT contact (not the same John Smith as the prospect).' },
  { firstName: 'Mary', lastName: 'Smith', organization: 'Quarry Lane Bakery', phone: '+1 207 555 0212' },
];

export const globexContacts: DemoContact[] = [
  { firstName: 'Homer', lastName: 'Jay', organization: 'Springfield Nuclear Supply', phone: '+1 939 555 0101', description: 'Safety inspector; reports portal issues.' },
  { firstName: 'Lenora', lastName: 'Carlson', organization: 'Springfield Nuclear Supply', phone: '+1 939 555 0102' },
  { firstName: 'Carl', lastName: 'Leonard', organization: 'Springfield Nuclear Supply', phone: '+1 939 555 0103' },
  { firstName: 'Ruth', lastName: 'Powers', organization: 'Cypress Creek Realty', phone: '+1 939 555 0110', description: 'Broker; onboarding in progress.' },
  { firstName: 'Arthur', lastName: 'Hamilton', organization: 'Cypress Creek Realty', phone: '+1 939 555 0111' },
  { firstName: 'Hank', lastName: 'Scorpio', organization: 'Hank Scorpio Holdings', description: 'CEO. Very enthusiastic about hammocks.' },
  { firstName: 'Frank', lastName: 'Grimes', organization: 'Hank Scorpio Holdings', phone: '+1 939 555 0121', inactive: true },
  { firstName: 'Alice', lastName: 'Johnson', organization: null, email: 'alice.johnson@northwind.example', description: 'Also a contact in Acme: same email, different group.' },
];

export interface DemoNote {
  author: string;
  body: string;
  system?: boolean;
  /** Hours after the issue was created. */
  afterHours: number;
}

export interface DemoIssue {
  title: string;
  description: string | null;
  author: string;
  /** Days before now the issue was created. */
  daysAgo: number;
  /** Days after creation it was closed; absent = open. */
  closedAfterDays?: number;
  /** Emails of linked contacts (in the project's CRM group). */
  contacts?: string[];
  /** Customer requests of some of those contacts, by email: marked important, with a note. */
  requests?: Record<string, { important: boolean; note: string }>;
  notes?: DemoNote[];
}

export const websiteIssues: DemoIssue[] = [
  {
    title: 'Checkout page times out for enterprise customers',
    description: [
      'Enterprise customers with more than 200 line items in the cart get a **504 Gateway Timeout** when they press *Place order*.',
      '',
      '### Steps to reproduce',
      '',
      '1. Sign in as an enterprise account (Northwind has one we can use).',
      '2. Add 200+ items to the cart.',
      '3. Press **Place order**.',
      '',
      '### Expected',
      '',
      'The order is placed within a few seconds.',
      '',
      '### Notes',
      '',
      'The tax calculation runs one request per line item; see `OrderTotals#compute`.',
    ].join('\n'),
    author: 'developer',
    daysAgo: 12,
    contacts: ['alice.johnson@northwind.example', 'bob.martinez@northwind.example'],
    requests: { 'alice.johnson@northwind.example': { important: true, note: 'Blocks their monthly restock order; Alice raised it on the support call.' } },
    notes: [
      { author: 'reporter', afterHours: 2, body: 'Northwind reported this again this morning. It blocks their monthly restock order.' },
      { author: 'developer', afterHours: 3, system: true, body: 'added 2 contacts' },
      {
        author: 'maintainer',
        afterHours: 5,
        body: 'Confirmed on staging. Batching the tax lookups should fix it:\n\n```ts\nconst rates = await taxRates(lineItems.map((item) => item.sku));\n```',
      },
      { author: 'developer', afterHours: 26, body: 'Draft fix is up for review. @alice from Northwind agreed to test it on Thursday.' },
    ],
  },
  {
    title: 'Add single sign-on for the customer portal',
    description: 'Several customers asked for SAML single sign-on so their staff do not need separate passwords.\n\n- [ ] SAML 2.0\n- [ ] OpenID Connect\n- [ ] Just-in-time provisioning',
    author: 'owner',
    daysAgo: 40,
    contacts: ['grace.whitfield@cedarvalley.example'],
    requests: { 'grace.whitfield@cedarvalley.example': { important: true, note: 'Needed before their renewal, asked in the quarterly review.' } },
  },
  {
    title: 'Invoice PDF shows the wrong VAT rate',
    description: 'Invoices for German customers show 16% VAT instead of 19%. Kestrel noticed it on invoice **INV-2291**.',
    author: 'reporter',
    daysAgo: 55,
    closedAfterDays: 3,
    contacts: ['zoe.mueller@kestrel.example', 'aaron.blake@kestrel.example'],
  },
  {
    title: 'Update the pricing page for the new plans',
    description: 'Marketing sent the new plan names and prices. Update `/pricing` and the comparison table.',
    author: 'maintainer',
    daysAgo: 20,
  },
  {
    title: 'Newsletter sign-up rejects plus-addressed emails',
    description: 'Addresses like `jane+news@example.com` are refused as invalid. The validation regex is too strict.',
    author: 'developer',
    daysAgo: 70,
    closedAfterDays: 2,
  },
  {
    title: 'Homepage hero image is blurry on high-DPI displays',
    description: 'Serve a `srcset` with 2x and 3x variants.',
    author: 'planner',
    daysAgo: 9,
  },
  {
    title: 'Broken links in the partner directory',
    description: 'The link checker found 14 broken links under `/partners`. List attached to the CI job.',
    author: 'reporter',
    daysAgo: 31,
  },
  {
    title: 'Add a Spanish translation of the landing pages',
    description: 'Harborview Hotels asked for Spanish pages for their guests.\n\n> Most of our bookings in the summer come from Mexico and Spain.',
    author: 'owner',
    daysAgo: 27,
    contacts: ['daniel.okafor@harborview.example'],
  },
  {
    title: 'Cookie consent banner covers the chat widget',
    description: 'On mobile the banner sits on top of the chat button, so visitors cannot open the chat until they accept.',
    author: 'guest',
    daysAgo: 45,
    closedAfterDays: 6,
  },
  {
    title: 'Improve the Lighthouse performance score of product pages',
    description: 'Current score is 61. Targets:\n\n| metric | now | target |\n|---|---|---|\n| LCP | 4.1 s | < 2.5 s |\n| CLS | 0.21 | < 0.1 |',
    author: 'maintainer',
    daysAgo: 15,
  },
  {
    title: 'Rate-limit the contact form',
    description: 'We received 3,000 spam submissions over the weekend. Add rate limiting per IP and a honeypot field.',
    author: 'developer',
    daysAgo: 6,
  },
  {
    title: 'Publish the Harborview Hotels case study',
    description: 'Copy is approved; needs photos and the customer quote.',
    author: 'planner',
    daysAgo: 18,
    contacts: ['emily.chen@harborview.example'],
  },
  {
    title: "Footer shows last year's copyright",
    description: 'Compute the year at build time instead of hard-coding it.',
    author: 'guest',
    daysAgo: 88,
    closedAfterDays: 1,
  },
  {
    title: 'Search ignores accented characters',
    description: 'Searching for `Muller` does not find *Müller*. Use unaccented matching.',
    author: 'developer',
    daysAgo: 4,
  },
  {
    title: 'Dark mode colours fail the contrast check',
    description: 'Secondary text in dark mode has a contrast ratio of 3.2:1; WCAG AA needs 4.5:1.',
    author: 'reporter',
    daysAgo: 11,
  },
  {
    title: 'Let customers export their order history as CSV',
    description: 'Requested by Brightline Freight and Lumen Analytics for their accounting.',
    author: 'owner',
    daysAgo: 24,
    contacts: ['jamal.reed@brightline.example', 'olga.ivanova@lumen.example'],
  },
];

export const helpdeskIssues: DemoIssue[] = [
  {
    title: 'Password reset email never arrives',
    description: 'Customer tried three times; nothing in spam either. Check the mail provider logs for `redwoodlegal.example`.',
    author: 'reporter',
    daysAgo: 3,
    contacts: ['valerie.brooks@redwoodlegal.example'],
  },
  {
    title: 'Escalation: customer charged twice for the March invoice',
    description: 'Refund the duplicate charge and confirm by email.\n\n**Amount:** $1,240.00',
    author: 'maintainer',
    daysAgo: 50,
    closedAfterDays: 2,
    contacts: ['bob.martinez@northwind.example'],
  },
  {
    title: 'Route billing questions to the shared inbox',
    description: 'Set up a rule so emails with "invoice" or "billing" in the subject land in the billing queue.',
    author: 'owner',
    daysAgo: 35,
  },
  {
    title: 'SLA report shows negative response times',
    description: 'Tickets answered before they were officially opened (imported tickets) produce negative durations.',
    author: 'developer',
    daysAgo: 14,
  },
  {
    title: 'Onboarding call checklist for new accounts',
    description: '- [ ] Introduce the support team\n- [ ] Share escalation contacts\n- [ ] Agree on reporting cadence',
    author: 'planner',
    daysAgo: 22,
  },
  {
    title: 'Refund macro links to the old policy page',
    description: 'The canned reply still links to `/legal/refunds-2023`.',
    author: 'guest',
    daysAgo: 60,
    closedAfterDays: 4,
  },
  {
    title: 'Customer requests a data export (GDPR Art. 20)',
    description: 'Export all records for the requesting customer within 30 days.',
    author: 'reporter',
    daysAgo: 8,
    contacts: ['rachel.goldberg@greenfieldvet.example'],
  },
  {
    title: 'Priority support during the Cedar Valley portal rollout',
    description: 'Two weeks of priority support starting with go-live. Named contacts below.',
    author: 'owner',
    daysAgo: 19,
    contacts: ['grace.whitfield@cedarvalley.example', 'henry.nakamura@cedarvalley.example', 'isabel.santos@cedarvalley.example'],
  },
  {
    title: 'Phone line forwarding fails after 6 pm',
    description: 'Calls after 18:00 go to a dead line instead of the on-call phone.',
    author: 'developer',
    daysAgo: 5,
    contacts: ['victor.nguyen@harborview.example'],
  },
  {
    title: 'Satisfaction survey link broken in ticket footer',
    description: null,
    author: 'planner',
    daysAgo: 2,
  },
];

export const portalIssues: DemoIssue[] = [
  {
    title: 'Portal login loops back to the sign-in page',
    description: 'After signing in, Safari users are sent back to the sign-in page. Probably the `SameSite` cookie attribute.',
    author: 'outsider',
    daysAgo: 7,
    contacts: ['homer.jay@snsupply.example'],
  },
  { title: 'Add a document upload area for brokers', description: 'Cypress Creek wants to upload signed contracts.', author: 'outsider', daysAgo: 16 },
  {
    title: 'Quarterly invoice summary is missing line items',
    description: 'Only the first 50 line items appear on the quarterly summary.',
    author: 'outsider',
    daysAgo: 33,
    closedAfterDays: 5,
  },
  { title: 'Translate the portal into Portuguese', description: null, author: 'outsider', daysAgo: 1 },
];
