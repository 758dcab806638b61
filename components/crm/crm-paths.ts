/** Links between the Customer relations pages; records are addressed by the number in their global ID. */

export function numericId(globalId: string): string {
  return globalId.slice(globalId.lastIndexOf('/') + 1);
}

export function contactsPath(groupPath: string): string {
  return `/groups/${groupPath}/-/crm/contacts`;
}

export function organizationsPath(groupPath: string): string {
  return `/groups/${groupPath}/-/crm/organizations`;
}

export function contactPath(groupPath: string, contactId: string): string {
  return `${contactsPath(groupPath)}/${numericId(contactId)}`;
}

export function organizationPath(groupPath: string, organizationId: string): string {
  return `${organizationsPath(groupPath)}/${numericId(organizationId)}`;
}
