import type { SortDirection } from '../pagination/keyset';

/**
 * GitLab's ContactSort and OrganizationSort extend its SortEnum, so besides their own fields they
 * accept CREATED_/UPDATED_ ASC/DESC and the lowercase spellings deprecated in 13.5.
 */
export const timestampSorts = ['UPDATED_DESC', 'UPDATED_ASC', 'CREATED_DESC', 'CREATED_ASC'] as const;

export interface SortField {
  /** Enum name prefix, e.g. `FIRST_NAME`. */
  name: string;
  /** Human label GitLab puts in the value's description. */
  label: string;
}

/** `FIRST_NAME_ASC` → { field: 'FIRST_NAME', direction: 'asc' }. */
export function splitSort(sort: string): { field: string; direction: SortDirection } {
  const match = /^(.*)_(ASC|DESC)$/.exec(sort);
  return { field: match?.[1] ?? sort, direction: match?.[2] === 'DESC' ? 'desc' : 'asc' };
}

interface SortEnumValue<V extends string> {
  value: V;
  description: string;
  deprecationReason?: string;
}

/** The values of a GitLab sort enum: its fields both ways, then SortEnum's timestamps. */
export function sortEnumValues<V extends string>(fields: readonly SortField[]): Record<string, SortEnumValue<V>> {
  const values: Record<string, SortEnumValue<string>> = {};
  for (const field of fields) {
    values[`${field.name}_ASC`] = { value: `${field.name}_ASC`, description: `${field.label} in ascending order.` };
    values[`${field.name}_DESC`] = { value: `${field.name}_DESC`, description: `${field.label} in descending order.` };
  }
  for (const sort of timestampSorts) {
    const { field, direction } = splitSort(sort);
    const description = `${field === 'CREATED' ? 'Created' : 'Updated'} at ${direction === 'asc' ? 'ascending' : 'descending'} order`;
    values[sort] = { value: sort, description };
    values[sort.toLowerCase()] = { value: sort, description, deprecationReason: `Use ${sort}. Deprecated in GitLab 13.5.` };
  }
  // Every value is `<field>_ASC|DESC` of the given fields or a timestamp sort: the caller's union.
  return values as Record<string, SortEnumValue<V>>;
}
