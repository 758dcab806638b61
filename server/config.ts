import { z } from 'zod';

const flagValues = ['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'] as const;

/** An on/off switch: unset means on; case and surrounding spaces do not matter. */
const flag = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
  z
    .enum(flagValues, { error: `expected one of ${flagValues.join(', ')}` })
    .optional()
    .transform((value) => value === undefined || ['1', 'true', 'on', 'yes'].includes(value)),
);

const envSchema = z.object({
  DATABASE_URL: z.preprocess((value) => (value === '' ? undefined : value), z.url().optional()),
  RAPPORT_FEATURE_CUSTOMER_RELATIONS: flag,
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Config = z.infer<typeof envSchema>;

function problems(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('; ');
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment: ${problems(parsed.error)}`);
  return parsed.data;
}

let lastFlag: { raw: string | undefined; enabled: boolean } | undefined;

/**
 * The instance-wide `customer_relations` feature flag (SPEC §2), read on each use so tests can flip
 * it. Only this variable is parsed: an odd `DATABASE_URL` or `NODE_ENV` must not break every
 * permission check that asks for the flag.
 */
export function customerRelationsEnabled(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const raw = env.RAPPORT_FEATURE_CUSTOMER_RELATIONS;
  // Parsing costs ~30 µs, and every request asks: the answer is kept for as long as the text is the same.
  if (lastFlag && lastFlag.raw === raw) return lastFlag.enabled;
  const parsed = flag.safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid environment: RAPPORT_FEATURE_CUSTOMER_RELATIONS: ${problems(parsed.error)}`);
  lastFlag = { raw, enabled: parsed.data };
  return parsed.data;
}
