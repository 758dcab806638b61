import Link from 'next/link';
import { groupUrls, projectUrls } from '@/lib/routes';
import { PageHeading } from '../ui/page-heading';
import { linkClass } from '../ui/styles';
import { type NamespaceItem, NamespaceList } from './namespace-list';

export interface GroupOverviewProps {
  name: string;
  fullPath: string;
  description: string | null;
  parent: { name: string; fullPath: string } | null;
  subgroups: NamespaceItem[];
  projects: NamespaceItem[];
}

export function GroupOverview({ name, fullPath, description, parent, subgroups, projects }: GroupOverviewProps) {
  return (
    <>
      {parent ? (
        <p className="mb-2 text-sm text-gray-700">
          Subgroup of{' '}
          <Link href={groupUrls.overview(parent.fullPath)} className={linkClass}>
            {parent.name}
          </Link>
        </p>
      ) : null}
      <PageHeading>{name}</PageHeading>
      <p className="-mt-2 mb-2 text-sm text-gray-600">{fullPath}</p>
      {description ? <p className="mb-6 text-gray-800">{description}</p> : null}

      {subgroups.length > 0 ? (
        <section aria-labelledby="subgroups-heading" className="mb-8">
          <h2 id="subgroups-heading" className="mb-2 text-lg font-semibold text-gray-900">
            Subgroups
          </h2>
          <NamespaceList items={subgroups} hrefFor={(group) => groupUrls.overview(group.fullPath)} label="Subgroups" />
        </section>
      ) : null}

      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading" className="mb-2 text-lg font-semibold text-gray-900">
          Projects
        </h2>
        {projects.length === 0 ? (
          <p className="text-gray-700">This group has no projects.</p>
        ) : (
          <NamespaceList items={projects} hrefFor={(project) => projectUrls.project(project.fullPath)} label="Projects" />
        )}
      </section>
    </>
  );
}
