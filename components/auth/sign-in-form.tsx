'use client';

import { useActionState } from 'react';
import type { SignInFormState } from '@/lib/auth/sign-in-form-state';
import { inputClass, primaryButtonClass } from '../ui/styles';

type SignInAction = (state: SignInFormState, formData: FormData) => Promise<SignInFormState>;

const initialState: SignInFormState = { message: null, login: '' };

/** Works without JavaScript too: the server action answers a plain form POST with this page and its state. */
export function SignInForm({ action, redirectTo }: { action: SignInAction; redirectTo: string }) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const failed = state.message !== null;
  return (
    <form action={formAction} className="space-y-4">
      {failed ? (
        <p id="sign-in-error" role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="redirect_to" value={redirectTo} />
      <div>
        <label htmlFor="login" className="mb-1 block text-sm font-medium text-gray-900">
          Username or email
        </label>
        <input
          id="login"
          name="login"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={255}
          defaultValue={state.login}
          aria-invalid={failed || undefined}
          aria-describedby={failed ? 'sign-in-error' : undefined}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-medium text-gray-900">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={failed || undefined}
          aria-describedby={failed ? 'sign-in-error' : undefined}
          className={inputClass}
        />
      </div>
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full disabled:opacity-70`}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
