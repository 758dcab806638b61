'use server';

import { cookies, headers } from 'next/headers';
import type { SignInFormState } from '@/lib/auth/sign-in-form-state';
import { redirect } from 'next/navigation';
import { getDb } from '../db/client';
import { clientAddress } from './client-address';
import { sessionCookieName } from './sessions';
import { safeRedirectPath, signIn, signOut } from './sign-in';


function formText(formData: FormData, name: string, maxLength: number): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value.slice(0, maxLength) : '';
}

/** Secure cookies when the browser talks https to us (directly or through a proxy). */
async function requestIsHttps(): Promise<boolean> {
  const requestHeaders = await headers();
  const forwarded = requestHeaders.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === 'https';
  return (requestHeaders.get('origin') ?? '').startsWith('https:');
}

export async function signInAction(_previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const login = formText(formData, 'login', 255);
  const password = formText(formData, 'password', 1024);
  const redirectTo = safeRedirectPath(formData.get('redirect_to'));

  const db = await getDb();
  const result = await signIn(db, { login, password, clientAddress: clientAddress(await headers()) });
  if (!result.ok) return { message: result.message, login };

  const cookieStore = await cookies();
  // A new session replaces any earlier one from this browser (no session fixation).
  await signOut(db, cookieStore.get(sessionCookieName)?.value);
  cookieStore.set(sessionCookieName, result.session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: await requestIsHttps(),
    path: '/',
    expires: result.session.expiresAt,
  });
  redirect(redirectTo);
}

export async function signOutAction(): Promise<void> {
  const cookieStore = await cookies();
  await signOut(await getDb(), cookieStore.get(sessionCookieName)?.value);
  cookieStore.delete({ name: sessionCookieName, path: '/' });
  redirect('/users/sign_in');
}
