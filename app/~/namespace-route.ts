import 'server-only';
import { notFound } from 'next/navigation';
import { namespacePath } from '@/lib/routes';
import { type SignedInViewer, pageViewerOrSignIn } from '@/server/pages/page-viewer-or-sign-in';

/** The params of an internal route (lib/routes.ts): the namespace's key, and the page's own segments. */
export type GroupParams<Page = unknown> = Promise<{ group: string } & Page>;
export type ProjectParams<Page = unknown> = Promise<{ project: string } & Page>;

/** The group or project path of an internal route, or a 404. */
export async function namespacePathOf(params: GroupParams | ProjectParams): Promise<string> {
  const segments = await params;
  const path = namespacePath('group' in segments ? segments.group : segments.project);
  if (!path) notFound();
  return path;
}

/**
 * Group and project pages are for signed-in people, who sign in before anything else, so anonymous
 * visitors cannot tell which paths exist: the viewer, then the namespace's path.
 */
export async function signedInPage(params: GroupParams | ProjectParams): Promise<{ viewer: SignedInViewer; path: string }> {
  const viewer = await pageViewerOrSignIn();
  return { viewer, path: await namespacePathOf(params) };
}
