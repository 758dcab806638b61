'use client';

import { usePathname } from 'next/navigation';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';

const flashKey = 'rapport-status';

/** How long a status message stays on screen. */
export const statusShownMs = 6000;

const StatusContext = createContext<(message: string) => void>(() => {});

/** Announces a message in the page's status region ("Contact has been added."); an empty one clears it. */
export function useStatus(): (message: string) => void {
  return useContext(StatusContext);
}

/** Keeps a message for the next page, when a change ends with a navigation (after a delete). */
export function flashStatus(message: string): void {
  try {
    sessionStorage.setItem(flashKey, message);
  } catch {
    // Storage can be unavailable (private mode); the message is a courtesy.
  }
}

function takeFlash(): string {
  try {
    const message = sessionStorage.getItem(flashKey) ?? '';
    sessionStorage.removeItem(flashKey);
    return message;
  } catch {
    return '';
  }
}

/** A success message that goes away by itself after a few seconds (its live region stays). */
export function useTransientMessage<Message extends string | readonly string[]>(empty: Message) {
  const [message, setMessage] = useState<Message>(empty);
  const shown = message.length > 0;
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setMessage(empty), statusShownMs);
    return () => clearTimeout(timer);
  }, [message, shown, empty]);
  return [message, setMessage] as const;
}

/**
 * A polite live region that is in the page from the start (screen readers only announce changes to
 * a region they already know), plus the provider that fills it.
 */
export function StatusProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useTransientMessage<string>('');
  const announce = useCallback((next: string) => {
    // Cleared first, so the same message twice in a row is announced twice.
    setMessage('');
    requestAnimationFrame(() => setMessage(next));
  }, [setMessage]);
  // A message kept for this page by the previous one; the provider can outlive a navigation.
  const pathname = usePathname();
  useEffect(() => {
    const flashed = takeFlash();
    if (flashed) requestAnimationFrame(() => setMessage(flashed));
  }, [pathname, setMessage]);
  return (
    <StatusContext.Provider value={announce}>
      <div role="status" aria-live="polite" className="empty:hidden">
        {message ? (
          <p className="mb-4 rounded-md border border-green-700 bg-green-50 px-4 py-2 text-sm text-green-900">{message}</p>
        ) : null}
      </div>
      {children}
    </StatusContext.Provider>
  );
}
