import { graphql } from '@/lib/graphql';
import type { PersonalAccessTokenRowFragment } from '@/lib/graphql/graphql';
import { cell, ColumnHeader, NoRecordsRow, RecordTable } from '../crm/record-table';
import { FormattedDate } from '../ui/formatted-date';
import { RevokeTokenButton } from './revoke-token-button';

export const PersonalAccessTokenRow = graphql(`
  fragment PersonalAccessTokenRow on PersonalAccessToken {
    id
    name
    scopes
    createdAt
    lastUsedAt
    expiresAt
  }
`);

/** The signed-in person's active tokens: what each may do, when it was made and used, when it stops working. */
export function PersonalAccessTokensTable({ tokens }: { tokens: PersonalAccessTokenRowFragment[] }) {
  return (
    <RecordTable
      label="Active personal access tokens"
      caption="Active personal access tokens"
      headers={
        <>
          <ColumnHeader>Token name</ColumnHeader>
          <ColumnHeader>Scopes</ColumnHeader>
          <ColumnHeader>Created</ColumnHeader>
          <ColumnHeader>Last used</ColumnHeader>
          <ColumnHeader>Expires</ColumnHeader>
          <ColumnHeader>
            <span className="sr-only">Actions</span>
          </ColumnHeader>
        </>
      }
    >
      {tokens.length === 0 ? (
        <NoRecordsRow columnCount={6}>This user has no active personal access tokens.</NoRecordsRow>
      ) : (
        tokens.map((token) => (
          <tr key={token.id}>
            <td className={`${cell} font-medium break-all`}>{token.name}</td>
            <td className={cell}>{token.scopes.join(', ')}</td>
            <td className={`${cell} whitespace-nowrap`}>
              <FormattedDate value={token.createdAt} />
            </td>
            <td className={`${cell} whitespace-nowrap`}>{token.lastUsedAt ? <FormattedDate value={token.lastUsedAt} /> : 'Never'}</td>
            <td className={`${cell} whitespace-nowrap`}>{token.expiresAt ? <FormattedDate value={`${token.expiresAt}T00:00:00Z`} /> : 'Never'}</td>
            <td className={`${cell} text-right`}>
              <RevokeTokenButton id={token.id} name={token.name} />
            </td>
          </tr>
        ))
      )}
    </RecordTable>
  );
}
