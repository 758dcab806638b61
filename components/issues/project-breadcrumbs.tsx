import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/lib/graphql';
import { groupUrls, projectUrls } from '@/lib/routes';
import Link from 'next/link';
import { Fragment } from 'react';
import { linkClass } from '../ui/styles';

/** What the issue pages show of their project: its breadcrumbs and heading. */
export const projectSummaryFragment = graphql(`
  fragment ProjectSummary on Project { id name fullPath description group { name fullPath } }
`);
export type ProjectSummary = ResultOf<typeof projectSummaryFragment>;

export interface Crumb {
  label: string;
  href?: string;
}

/** Group / Project / Issues / #1: the last crumb is the current page. */
export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-3 text-sm text-gray-700">
      <ol className="flex flex-wrap items-center gap-1">
        {crumbs.map((crumb, index) => (
          <Fragment key={`${crumb.label}-${index}`}>
            {index > 0 ? (
              <li aria-hidden="true" className="text-gray-600">
                /
              </li>
            ) : null}
            <li>
              {crumb.href ? (
                <Link href={crumb.href} className={linkClass}>
                  {crumb.label}
                </Link>
              ) : (
                <span aria-current="page">{crumb.label}</span>
              )}
            </li>
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}

export function projectCrumbs(project: { name: string; fullPath: string; group: { name: string; fullPath: string } | null }): Crumb[] {
  return [
    ...(project.group ? [{ label: project.group.name, href: groupUrls.overview(project.group.fullPath) }] : []),
    { label: project.name, href: projectUrls.issues(project.fullPath) },
  ];
}
