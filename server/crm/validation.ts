import { z } from 'zod';

/** Rails' messages, as GitLab's API returns them. */
const tooLong = (label: string, max: number) => `${label} is too long (maximum is ${max} characters)`;
const blank = (label: string) => `${label} can't be blank`;

// The HTML5 e-mail rule (also Ruby's URI::MailTo::EMAIL_REGEXP, which GitLab uses).
const emailPattern =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

const requiredName = (label: string) =>
  z
    .string()
    .trim()
    .min(1, blank(label))
    .max(255, tooLong(label, 255));

const optionalText = (label: string, max: number, trim: boolean) =>
  z
    .string()
    .transform((value) => (trim ? value.trim() : value))
    .pipe(z.string().max(max, tooLong(label, max)))
    .transform((value) => (value === '' ? null : value))
    .nullish();

const email = z
  .string()
  .min(1, blank('Email'))
  .max(255, tooLong('Email', 255))
  .regex(emailPattern, 'Email is invalid');

export const contactFieldsSchema = z.object({
  firstName: requiredName('First name'),
  lastName: requiredName('Last name'),
  email,
  phone: optionalText('Phone', 32, true),
  description: optionalText('Description', 1024, false),
  organizationId: z.number().int().nullish(),
});

export type ContactFields = z.infer<typeof contactFieldsSchema>;

/** Update: every field optional; a given field is checked as on create. */
export const contactUpdateSchema = contactFieldsSchema.partial().extend({
  active: z.boolean().nullish(),
});

export type ContactUpdate = z.infer<typeof contactUpdateSchema>;

export const organizationFieldsSchema = z.object({
  name: requiredName('Name'),
  description: optionalText('Description', 1024, false),
  defaultRate: z
    .number({ message: 'Default rate is not a number' })
    .finite('Default rate is not a number')
    .min(0, 'Default rate must be greater than or equal to 0')
    .nullish(),
});

export type OrganizationFields = z.infer<typeof organizationFieldsSchema>;

/** Field messages in input order: the payload's `errors`. */
export function validationMessages(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((issue) => issue.message))];
}
