import { z } from 'zod';
import { hasAtMostTwoDecimals, notANumber, tooManyDecimals } from '@/lib/crm/default-rate';
import { invalidDomainMessage, isDomain, maxDomainsPerOrganization, normalizeDomain, tooManyDomainsMessage } from '@/lib/crm/domains';
import { blank, tooLong } from '../validation';

// PostgreSQL text cannot store NUL; refuse it like any other invalid value instead of failing in SQL.
const noNul = (label: string) => [(value: string) => !value.includes('\u0000'), `${label} contains a null byte`] as const;

// The HTML5 e-mail rule (also Ruby's URI::MailTo::EMAIL_REGEXP, which GitLab uses).
const emailPattern =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** A required text field: null (cleared on update) counts as blank, as in Rails. */
const requiredName = (label: string) =>
  z.preprocess(
    (value) => value ?? '',
    z
      .string()
      .trim()
      .min(1, blank(label))
      .max(255, tooLong(label, 255))
      .refine(...noNul(label)),
  );

const optionalText = (label: string, max: number, trim: boolean) =>
  z
    .string()
    .transform((value) => (trim ? value.trim() : value))
    .pipe(z.string().max(max, tooLong(label, max)).refine(...noNul(label)))
    .transform((value) => (value === '' ? null : value))
    .nullish();

/** Optional as in GitLab (it checks format and length, never presence): a blank address is stored as null. */
const email = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
  z.string().max(255, tooLong('Email', 255)).regex(emailPattern, 'Email is invalid').nullish(),
);

export const contactFieldsSchema = z.object({
  firstName: requiredName('First name'),
  lastName: requiredName('Last name'),
  email,
  phone: optionalText('Phone', 32, true),
  description: optionalText('Description', 1024, false),
  organizationId: z.number().int().nullish(),
});

export type ContactFields = z.infer<typeof contactFieldsSchema>;

/** Update: only the given fields are checked (as on create) and changed. */
export const contactUpdateSchema = contactFieldsSchema.partial().extend({
  active: z.boolean().nullish(),
});

export type ContactUpdate = z.infer<typeof contactUpdateSchema>;

/** numeric(18, 2): the largest rate the column holds is just under 10^16. */
export const maxDefaultRate = 1e16;

/** A non-negative amount the numeric(18, 2) columns hold exactly: the default rate, the annual revenue. */
const amount = (label: string) =>
  z
    .number({ message: notANumber(label) })
    .finite(notANumber(label))
    .min(0, `${label} must be greater than or equal to 0`)
    .lt(maxDefaultRate, `${label} must be less than ${maxDefaultRate.toFixed(0)}`)
    // Refused rather than rounded by the column, so what is saved is what was sent.
    .refine(hasAtMostTwoDecimals, tooManyDecimals(label))
    .nullish();

/** Each domain normalized, then checked; the same domain given twice is kept once. */
const domains = z
  .array(z.string().transform(normalizeDomain))
  .max(maxDomainsPerOrganization, tooManyDomainsMessage)
  .superRefine((values, context) => {
    for (const value of values) if (!isDomain(value)) context.addIssue({ code: 'custom', message: invalidDomainMessage(value) });
  })
  .transform((values) => [...new Set(values)])
  .nullish();

export const organizationFieldsSchema = z.object({
  name: requiredName('Name'),
  description: optionalText('Description', 1024, false),
  defaultRate: amount('Default rate'),
  annualRevenue: amount('Annual revenue'),
  domains,
  tierId: z.number().int().nullish(),
  accountOwnerId: z.number().int().nullish(),
});

export type OrganizationFields = z.infer<typeof organizationFieldsSchema>;

export const organizationUpdateSchema = organizationFieldsSchema.partial().extend({
  active: z.boolean().nullish(),
});

export type OrganizationUpdate = z.infer<typeof organizationUpdateSchema>;
