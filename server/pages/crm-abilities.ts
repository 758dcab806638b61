import 'server-only';

/** What the viewer may do with the Customer relations records of a group (the API checks again). */
export interface CrmAbilities {
  canAdmin: boolean;
  canDelete: boolean;
}

export function crmAbilities(group: { rapportCanAdminCrm: boolean; rapportCanDeleteCrm: boolean }): CrmAbilities {
  return { canAdmin: group.rapportCanAdminCrm, canDelete: group.rapportCanDeleteCrm };
}
