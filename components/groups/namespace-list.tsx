import type { ResultOf } from '@graphql-typed-document-node/core';
import Link from 'next/link';
import { graphql } from '@/lib/graphql';
import { linkClass } from '../ui/styles';

export const groupListItemFragment = graphql(`
  fragment GroupListItem on Group { id name fullPath description }
`);
export const projectListItemFragment = graphql(`
  fragment ProjectListItem on Project { id name fullPath description }
`);
export type NamespaceItem = ResultOf<typeof groupListItemFragment> | ResultOf<typeof projectListItemFragment>;

/** Groups or projects, each linked by name, with its path and description. */
export function NamespaceList({ items, hrefFor, label }: { items: NamespaceItem[]; hrefFor: (item: NamespaceItem) => string; label: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-gray-200 rounded-md border border-gray-200">
      {items.map((item) => (
        <li key={item.id} className="px-4 py-3">
          <Link href={hrefFor(item)} className={`${linkClass} font-medium`}>
            {item.name}
          </Link>
          <span className="ml-2 text-sm text-gray-600">{item.fullPath}</span>
          {item.description ? <p className="mt-1 text-sm text-gray-700">{item.description}</p> : null}
        </li>
      ))}
    </ul>
  );
}
