/**
 * Shared class lists. Every interactive element gets a visible keyboard focus ring (WCAG 2.4.7);
 * colours are Tailwind's 600–900 shades on white or gray-50, which keep text at AA contrast or better.
 */
export const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700';

export const linkClass = `rounded-sm text-blue-700 underline-offset-2 hover:underline ${focusRing}`;

export const buttonClass = `inline-flex items-center justify-center rounded-md border border-gray-400 bg-white px-3 py-1.5 text-sm font-medium text-gray-900 hover:bg-gray-100 ${focusRing}`;

export const primaryButtonClass = `inline-flex items-center justify-center rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 ${focusRing}`;

export const inputClass = `block w-full rounded-md border border-gray-500 bg-white px-3 py-1.5 text-sm text-gray-900 placeholder:text-gray-600 ${focusRing}`;

export const dangerButtonClass = `inline-flex items-center justify-center rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60 ${focusRing}`;

export const labelClass = 'block text-sm font-medium text-gray-900';

export const fieldErrorClass = 'mt-1 text-sm text-red-800';
