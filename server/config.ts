import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'])
  .optional()
  .transform((value) => value === undefined || ['1', 'true', 'on', 'yes'].includes(value));

const envSchema = z.object({
  DATABASE_URL: z.preprocess((value) => (value === '' ? undefined : value), z.url().optional()),
  RAPPORT_FEATURE_CUSTOMER_RELATIONS: flag,
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Config = z.infer<typeof envSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The instance-wide `customer_relations` feature flag (SPEC §2), read on each use so tests can flip it. */
export function customerRelationsEnabled(): boolean {
  return readConfig().RAPPORT_FEATURE_CUSTOMER_RELATIONS;
}
