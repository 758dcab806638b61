import type { ReactNode } from 'react';
import { GraphQLProvider } from '../ui/graphql-provider';
import { StatusProvider } from '../ui/status-region';
import { type GroupSection, GroupSidebar } from './group-sidebar';

/** Left sidebar plus main area, shared by every group page. */
export function GroupLayout({
  group,
  section,
  csrfToken,
  children,
}: {
  group: { name: string; fullPath: string; rapportCanReadCrm: boolean; rapportCanAdminCrmSettings: boolean };
  section: GroupSection;
  /** The session's CSRF token, for the browser's GraphQL mutations. */
  csrfToken: string | null;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-1 flex-col md:flex-row">
      {/* As in Rails: scripts and tests acting for the signed-in person read the token here. */}
      {csrfToken ? <meta name="csrf-token" content={csrfToken} /> : null}
      <GroupSidebar
        group={group}
        showCustomerRelations={group.rapportCanReadCrm}
        showSettings={group.rapportCanAdminCrmSettings}
        current={section}
      />
      <main id="main-content" className="min-w-0 flex-1 px-4 py-6 md:px-8">
        <GraphQLProvider csrfToken={csrfToken}>
          <StatusProvider>{children}</StatusProvider>
        </GraphQLProvider>
      </main>
    </div>
  );
}
