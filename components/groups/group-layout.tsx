import type { ReactNode } from 'react';
import { StatusProvider } from '../ui/status-region';
import { GroupSidebar } from './group-sidebar';

/** Left sidebar plus main area, shared by every group page. */
export function GroupLayout({
  group,
  children,
}: {
  group: {
    name: string;
    fullPath: string;
    rapportCanReadCrm: boolean;
    rapportCanAdminCrm: boolean;
    rapportCanReadCustomerReport: boolean;
    rapportCanAdminCrmSettings: boolean;
  };
  children: ReactNode;
}) {
  return (
    <div className="flex flex-1 flex-col md:flex-row">
      <GroupSidebar
        group={group}
        showCustomerRelations={group.rapportCanReadCrm}
        showImport={group.rapportCanAdminCrm}
        showCustomerReport={group.rapportCanReadCustomerReport}
        showSettings={group.rapportCanAdminCrmSettings}
      />
      <main id="main-content" className="min-w-0 flex-1 px-4 py-6 md:px-8">
        <StatusProvider>{children}</StatusProvider>
      </main>
    </div>
  );
}
