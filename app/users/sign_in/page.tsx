import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { signInAction } from '@/server/auth/session-actions';
import { safeRedirectPath } from '@/server/auth/sign-in';
import { type SearchParams, firstParam } from '@/lib/search-params';
import { pageViewerIfAny } from '@/server/pages/page-viewer-or-sign-in';

export const metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const redirectTo = safeRedirectPath(firstParam(await searchParams, 'redirect_to'));
  const viewer = await pageViewerIfAny(`/users/sign_in?redirect_to=${encodeURIComponent(redirectTo)}`);
  if (viewer.user) redirect(redirectTo);
  return (
    <main id="main-content" className="flex flex-1 items-start justify-center bg-gray-50 px-4 py-16">
      <div className="w-full max-w-sm rounded-lg border border-gray-200 bg-white p-6 shadow-sm">
        <h1 className="mb-6 text-xl font-semibold text-gray-900">Sign in to Rapport</h1>
        <SignInForm action={signInAction} redirectTo={redirectTo} />
      </div>
    </main>
  );
}
