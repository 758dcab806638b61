import Link from 'next/link';
import { linkClass } from '@/components/ui/styles';

export default function NotFound() {
  return (
    <main id="main-content" className="mx-auto w-full max-w-2xl flex-1 px-4 py-16 text-center">
      <p className="text-5xl font-semibold text-gray-700">404</p>
      <h1 className="mt-4 text-2xl font-semibold text-gray-900">Page not found</h1>
      <p className="mt-2 text-gray-700">
        The page could not be found or you don&apos;t have permission to view it.
      </p>
      <p className="mt-6">
        <Link href="/" className={linkClass}>
          Go to your groups
        </Link>
      </p>
    </main>
  );
}
