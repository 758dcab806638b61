'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { buttonClass, inputClass, labelClass } from '../ui/styles';

/** The new token, shown this once: reading it again is impossible, as only its digest is kept. */
export function NewTokenPanel({ name, token }: { name: string; token: string }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  // Focus goes to the new token (selected), so it can be copied at once from the keyboard.
  useEffect(() => inputRef.current?.focus(), [token]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('yes');
    } catch {
      // No clipboard access (an insecure origin, a refused permission): select it for the keyboard instead.
      inputRef.current?.select();
      setCopied('failed');
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="max-w-xl space-y-3 rounded-md border border-green-700 bg-green-50 p-4">
      <h2 id={`${id}-title`} className="font-semibold text-green-900">
        Your new personal access token {name}
      </h2>
      <p className="text-sm text-gray-900">Make sure you save it — you won&apos;t be able to access it again.</p>
      <div>
        <label htmlFor={`${id}-token`} className={labelClass}>
          Personal access token
        </label>
        <div className="mt-1 flex gap-2">
          <input ref={inputRef} id={`${id}-token`} readOnly value={token} onFocus={(event) => event.target.select()} className={`${inputClass} font-mono`} />
          <button type="button" onClick={copy} className={buttonClass}>
            Copy token
          </button>
        </div>
        <p role="status" className="mt-1 text-sm text-gray-800">
          {copied === 'yes' ? 'Token copied to clipboard.' : copied === 'failed' ? 'Could not copy: the token is selected, press Ctrl+C to copy it.' : ''}
        </p>
      </div>
    </section>
  );
}
