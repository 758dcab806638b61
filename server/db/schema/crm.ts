import { sql } from 'drizzle-orm';
import { snakeCase } from 'drizzle-orm/pg-core';
import {
  type AnyPgColumn,
  check,
  foreignKey,
  index,
  integer,
  numeric,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { groups } from './groups';
import { users } from './users';

/**
 * A group's own ordered customer tiers (Enterprise > Business > Free), managed in CRM settings.
 * `position` 1 is the highest tier; the service keeps positions dense.
 */
export const organizationTiers = snakeCase.table(
  'customer_relations_organization_tiers',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    groupId: integer()
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    position: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('crm_organization_tiers_group_name_idx').on(t.groupId, sql`lower(${t.name})`),
    index('crm_organization_tiers_group_position_idx').on(t.groupId, t.position),
    check('crm_organization_tiers_name_length', sql`char_length(${t.name}) between 1 and 64`),
    check('crm_organization_tiers_position', sql`${t.position} >= 1`),
  ],
);

export const organizations = snakeCase.table(
  'customer_relations_organizations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    groupId: integer()
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    description: text(),
    defaultRate: numeric({ precision: 18, scale: 2 }),
    state: text({ enum: ['active', 'inactive'] }).notNull().default('active'),
    // Rapport-only attributes (issue 15); the service checks that the tier is the group's own
    // and that the account owner is a member.
    tierId: integer(),
    annualRevenue: numeric({ precision: 18, scale: 2 }),
    accountOwnerId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('crm_organizations_group_name_idx').on(t.groupId, sql`lower(${t.name})`),
    // Target of the contacts' composite foreign key: a contact's organization is in its group.
    unique('crm_organizations_id_group_key').on(t.id, t.groupId),
    index('crm_organizations_search_idx').using(
      'gin',
      sql`(${t.name} || ' ' || coalesce(${t.description}, '')) gin_trgm_ops`,
    ),
    check('crm_organizations_name_length', sql`char_length(${t.name}) between 1 and 255`),
    check('crm_organizations_description_length', sql`char_length(${t.description}) <= 1024`),
    check('crm_organizations_default_rate', sql`${t.defaultRate} >= 0`),
    check('crm_organizations_state', sql`${t.state} in ('active', 'inactive')`),
    check('crm_organizations_annual_revenue', sql`${t.annualRevenue} >= 0`),
    index('crm_organizations_tier_id_idx').on(t.tierId),
    foreignKey({
      name: 'crm_organizations_tier_fk',
      columns: [t.tierId],
      foreignColumns: [organizationTiers.id],
    }).onDelete('set null'),
  ],
);

/**
 * Email domains that belong to an organization (lower case): a contact created without an
 * organization whose email domain is listed here gets it. Unique per group: one owner per domain.
 */
export const organizationDomains = snakeCase.table(
  'customer_relations_organization_domains',
  {
    groupId: integer().notNull(),
    organizationId: integer().notNull(),
    domain: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.domain] }),
    index('crm_organization_domains_organization_id_idx').on(t.organizationId),
    foreignKey({
      name: 'crm_organization_domains_organization_fk',
      columns: [t.organizationId, t.groupId],
      foreignColumns: [organizations.id, organizations.groupId],
    }).onDelete('cascade'),
    check('crm_organization_domains_lower_case', sql`${t.domain} = lower(${t.domain})`),
    check('crm_organization_domains_length', sql`char_length(${t.domain}) between 1 and 253`),
  ],
);

/** The contacts table or an alias of it. */
type ContactNameColumns = { firstName: AnyPgColumn; lastName: AnyPgColumn };

/**
 * "  Zoë   O'Brien " → "zoe o'brien": lowercased, accents folded, spaces trimmed and collapsed. It
 * calls `immutable_unaccent` (a migration's wrapper of `unaccent`, which is only STABLE) so that an
 * index can hold it; a query must spell it the same way for the planner to use that index.
 */
export const contactNormalisedName = (t: ContactNameColumns) =>
  sql`lower(immutable_unaccent(regexp_replace(btrim(${t.firstName} || ' ' || ${t.lastName}), '[[:space:]]+', ' ', 'g')))`;

/** "+1 (555) 010-9999" → "15550109999". */
export const contactPhoneDigits = (t: { phone: AnyPgColumn }) => sql`regexp_replace(${t.phone}, '[^0-9]', '', 'g')`;

/** A phone needs this many digits before two contacts sharing it count as possible duplicates. */
export const minimumPhoneDigits = 7;

/** Whether a contact's phone has enough digits to be compared (the phone digits index's predicate). */
export const contactPhoneComparable = (t: { phone: AnyPgColumn }) =>
  sql`char_length(${contactPhoneDigits(t)}) >= ${sql.raw(String(minimumPhoneDigits))}`;

/** The lowercased full name compared by trigram similarity (pg_trgm). */
export const contactTrigramName = (t: ContactNameColumns) => sql`lower(${t.firstName} || ' ' || ${t.lastName})`;

export const contacts = snakeCase.table(
  'customer_relations_contacts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    groupId: integer()
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    organizationId: integer(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    email: text(),
    phone: text(),
    description: text(),
    state: text({ enum: ['active', 'inactive'] }).notNull().default('active'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('crm_contacts_group_email_idx').on(t.groupId, sql`lower(${t.email})`),
    index('crm_contacts_organization_id_idx').on(t.organizationId),
    index('crm_contacts_group_last_name_idx').on(t.groupId, t.lastName, t.id),
    index('crm_contacts_search_idx').using(
      'gin',
      sql`(${t.firstName} || ' ' || ${t.lastName} || ' ' || coalesce(${t.email}, '') || ' ' || coalesce(${t.description}, '')) gin_trgm_ops`,
    ),
    // Meant for the possible duplicates' "similar names in the same organization" (`%`, pg_trgm);
    // their lookup for one contact goes through the organization instead (bench/DUPLICATES.md), even
    // for an organization of 20,000 contacts, where it is slow.
    index('crm_contacts_name_trgm_idx').using('gin', sql`${contactTrigramName(t)} gin_trgm_ops`),
    // The possible duplicates' equal names and equal phones, looked up for one contact at a time.
    index('crm_contacts_group_normalised_name_idx').on(t.groupId, contactNormalisedName(t), t.id),
    index('crm_contacts_group_phone_digits_idx').on(t.groupId, contactPhoneDigits(t), t.id).where(contactPhoneComparable(t)),
    foreignKey({
      name: 'crm_contacts_organization_same_group_fk',
      columns: [t.organizationId, t.groupId],
      foreignColumns: [organizations.id, organizations.groupId],
    }),
    check('crm_contacts_first_name_length', sql`char_length(${t.firstName}) between 1 and 255`),
    check('crm_contacts_last_name_length', sql`char_length(${t.lastName}) between 1 and 255`),
    check('crm_contacts_email_length', sql`char_length(${t.email}) between 1 and 255`),
    check('crm_contacts_phone_length', sql`char_length(${t.phone}) <= 32`),
    check('crm_contacts_description_length', sql`char_length(${t.description}) <= 1024`),
    check('crm_contacts_state', sql`${t.state} in ('active', 'inactive')`),
  ],
);
