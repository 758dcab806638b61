'use client';

import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/lib/graphql';
import Link from 'next/link';
import { useSelectedLayoutSegments } from 'next/navigation';
import { useId, useState } from 'react';
import { groupUrls } from '@/lib/routes';
import { focusRing } from '../ui/styles';

/** What every group page's layout needs of its group: the sidebar's menus depend on the flags. */
export const groupSummaryFragment = graphql(`
  fragment GroupSummary on Group { id name fullPath rapportCanReadCrm rapportCanAdminCrm rapportCanReadCustomerReport rapportCanAdminCrmSettings }
`);
export type GroupSummary = ResultOf<typeof groupSummaryFragment>;

type GroupSection = 'overview' | 'issues' | 'contacts' | 'organizations' | 'crm-import' | 'customer-report' | 'customer-requests' | 'crm-settings';

const crmSections: Record<string, GroupSection> = {
  organizations: 'organizations',
  import: 'crm-import',
  report: 'customer-report',
  requests: 'customer-requests',
};

interface GroupSidebarProps {
  group: { name: string; fullPath: string };
  /** Customer relations menu: only on a CRM group with CRM enabled, for people who may read it. */
  showCustomerRelations: boolean;
  /** Customer relations > Import: Developers and above. */
  showImport?: boolean;
  /** Customer relations > Customer report and Customer requests: Reporters and above. */
  showCustomerReport?: boolean;
  /** Settings > Customer relations: for Owners of a top-level group. */
  showSettings: boolean;
}

/** The section of the page shown, from the route's segments below the group layout. */
function sectionOf(segments: string[]): GroupSection {
  const [area, page] = segments;
  if (area === 'crm') return (page ? crmSections[page] : undefined) ?? 'contacts';
  if (area === 'issues') return 'issues';
  return area === 'settings' ? 'crm-settings' : 'overview';
}

function SidebarLink({ href, current, children }: { href: string; current: boolean; children: string }) {
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className={`block rounded-md px-3 py-1.5 text-sm ${
        current ? 'bg-gray-200 font-semibold text-gray-900' : 'text-gray-800 hover:bg-gray-200'
      } ${focusRing}`}
    >
      {children}
    </Link>
  );
}

/**
 * On a phone the menus fold away behind a "Menu" button beside the group's name, as GitLab's
 * sidebar does (everything in the navigation after its first child is hidden until it is opened);
 * from the `md` breakpoint up they are always shown and the button is not.
 */
export function GroupSidebar({ group, showCustomerRelations, showImport, showCustomerReport, showSettings }: GroupSidebarProps) {
  const current = sectionOf(useSelectedLayoutSegments());
  const [menuOpen, setMenuOpen] = useState(false);
  const navigationId = useId();
  return (
    <nav
      id={navigationId}
      aria-label="Group navigation"
      // Following a link closes the menu on a phone: the page it opens is what the person came for.
      onClick={(event) => {
        if (event.target instanceof Element && event.target.closest('a')) setMenuOpen(false);
      }}
      className={`w-full shrink-0 border-b border-gray-200 bg-gray-50 p-3 md:w-60 md:border-r md:border-b-0 ${menuOpen ? '' : 'max-md:[&>:not(:first-child)]:hidden'}`}
    >
      <div className={`flex items-center justify-between gap-3 md:mb-3 ${menuOpen ? 'mb-3' : ''}`}>
        <p className="truncate px-3 text-sm font-semibold text-gray-900" title={group.fullPath}>
          {group.name}
        </p>
        <button
          type="button"
          aria-expanded={menuOpen}
          aria-controls={navigationId}
          onClick={() => setMenuOpen(!menuOpen)}
          className={`rounded-md border border-gray-400 px-3 py-1 text-sm font-medium text-gray-900 hover:bg-gray-200 md:hidden ${focusRing}`}
        >
          Menu
        </button>
      </div>
      <ul className="space-y-1">
        <li>
          <SidebarLink href={groupUrls.overview(group.fullPath)} current={current === 'overview'}>
            Group overview
          </SidebarLink>
        </li>
        <li>
          <SidebarLink href={groupUrls.issues(group.fullPath)} current={current === 'issues'}>
            Issues
          </SidebarLink>
        </li>
      </ul>
      {showCustomerRelations ? (
        <>
          <p id="sidebar-customer-relations" className="mt-4 mb-1 px-3 text-xs font-semibold tracking-wide text-gray-700 uppercase">
            Customer relations
          </p>
          <ul aria-labelledby="sidebar-customer-relations" className="space-y-1">
            <li>
              <SidebarLink href={groupUrls.contacts(group.fullPath)} current={current === 'contacts'}>
                Contacts
              </SidebarLink>
            </li>
            <li>
              <SidebarLink href={groupUrls.organizations(group.fullPath)} current={current === 'organizations'}>
                Organizations
              </SidebarLink>
            </li>
            {showImport ? (
              <li>
                <SidebarLink href={groupUrls.crmImport(group.fullPath)} current={current === 'crm-import'}>
                  Import
                </SidebarLink>
              </li>
            ) : null}
            {showCustomerReport ? (
              <li>
                <SidebarLink href={groupUrls.customerReport(group.fullPath)} current={current === 'customer-report'}>
                  Customer report
                </SidebarLink>
              </li>
            ) : null}
            {showCustomerReport ? (
              <li>
                <SidebarLink href={groupUrls.customerRequests(group.fullPath)} current={current === 'customer-requests'}>
                  Customer requests
                </SidebarLink>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
      {showSettings ? (
        <>
          <p id="sidebar-settings" className="mt-4 mb-1 px-3 text-xs font-semibold tracking-wide text-gray-700 uppercase">
            Settings
          </p>
          <ul aria-labelledby="sidebar-settings" className="space-y-1">
            <li>
              <SidebarLink href={groupUrls.crmSettings(group.fullPath)} current={current === 'crm-settings'}>
                Customer relations
              </SidebarLink>
            </li>
          </ul>
        </>
      ) : null}
    </nav>
  );
}
