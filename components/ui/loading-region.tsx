'use client';

import { useRouter } from 'next/navigation';
import { createContext, type MouseEvent, type ReactNode, useCallback, useContext, useTransition } from 'react';

type Navigate = (href: string, options?: { scroll?: boolean }) => void;

const NavigateContext = createContext<Navigate | null>(null);

/** Navigates within the region around it (so it shows as loading), or plainly outside one. */
export function useRegionNavigation(): Navigate {
  const router = useRouter();
  const navigate = useContext(NavigateContext);
  return navigate ?? ((href, options) => router.push(href, options));
}

/** A plain left click on a link of this site that would open in the same tab. */
function sameTabLink(event: MouseEvent): HTMLAnchorElement | null {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = (event.target as Element).closest('a[href]');
  if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== '_self') || link.hasAttribute('download')) return null;
  return link.origin === window.location.origin ? link : null;
}

/**
 * The part of a page that its links and controls reload (a list with its tabs, sort links, search
 * and pagination): while the next page is on its way the region is marked busy (`aria-busy`, so
 * screen readers wait for it) and dimmed, and a hidden status says it is loading.
 */
export function LoadingRegion({ label, children }: { label: string; children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = useCallback<Navigate>((href, options) => startTransition(() => router.push(href, options)), [router]);
  return (
    <NavigateContext.Provider value={navigate}>
      <div
        aria-busy={pending}
        data-testid="loading-region"
        // Captured before next/link's own handler, which then leaves the click alone.
        onClickCapture={(event) => {
          const link = sameTabLink(event);
          if (!link) return;
          event.preventDefault();
          navigate(`${link.pathname}${link.search}${link.hash}`);
        }}
        className={pending ? 'opacity-60 transition-opacity' : undefined}
      >
        {children}
      </div>
      <p role="status" className="sr-only">
        {pending ? `Loading ${label}…` : ''}
      </p>
    </NavigateContext.Provider>
  );
}
