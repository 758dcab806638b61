import { crmExportRoute } from '../../crm-export-route';

export const GET = crmExportRoute('contacts');
