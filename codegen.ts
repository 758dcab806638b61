import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents (`npm run codegen`): every operation and fragment written with `graphql(…)` in
 * the app, the components and the server pages is typed from `schema.graphql` into `lib/graphql/`.
 * `npm test` fails when that output is stale.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'server/pages/**/*.ts', '!**/*.test.{ts,tsx}'],
  generates: {
    'lib/graphql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        strictScalars: true,
        scalars: {
          CustomerRelationsContactID: 'string',
          CustomerRelationsOrganizationID: 'string',
          Date: 'string',
          GroupID: 'string',
          IssueID: 'string',
          NoteableID: 'string',
          IssuableID: 'string',
          TimelogID: 'string',
          PersonalAccessTokenID: 'string',
          UserID: 'string',
          RapportCustomerTierID: 'string',
          ProjectID: 'string',
          Time: 'string',
        },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
};

export default config;
