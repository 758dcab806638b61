import { z } from 'zod';
import { blank, tooLong } from '../validation';

/** Limits of SPEC §1, enforced again by the database's check constraints. */
export const maxTitleLength = 255;
export const maxTextLength = 1_048_576;

// GitLab strips issue titles (`strip_attributes!`); descriptions and notes are stored as given.
export const issueTitleSchema = z.string().trim().min(1, blank('Title')).max(maxTitleLength, tooLong('Title', maxTitleLength));
export const issueDescriptionSchema = z.string().max(maxTextLength, tooLong('Description', maxTextLength)).nullish();
export const noteBodySchema = z
  .string()
  .refine((body) => body.trim() !== '', blank('Note'))
  .pipe(z.string().max(maxTextLength, tooLong('Note', maxTextLength)));

export const issueCreateSchema = z.object({ title: issueTitleSchema, description: issueDescriptionSchema });

export const issueUpdateSchema = z.object({
  // `title: null` is a blank title (Rails), while a missing title leaves it alone.
  title: z.preprocess((value) => (value === null ? '' : value), issueTitleSchema.optional()),
  description: issueDescriptionSchema,
});
