const isBlank = (value: unknown) => value === null || value === undefined || value === '';

/**
 * The fields a contact merge fills on the kept contact: those empty there that the other contact has
 * a value for (a merge never overwrites a value). Shared by the merge service and the merge form's
 * preview, so the page shows exactly what the mutation will do.
 */
export function fieldsToFill<T extends object, K extends keyof T>(kept: T, other: T, fields: readonly K[]): K[] {
  return fields.filter((field) => isBlank(kept[field]) && !isBlank(other[field]));
}
