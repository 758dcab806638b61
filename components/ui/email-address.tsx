import { Fragment } from 'react';

/**
 * An email address that may wrap only at its natural seams: after the `@` and before each dot
 * (`pedro.alvarez@` / `lumen.example`), never inside a word. A part longer than its column still
 * breaks, as a last resort, rather than widening the page.
 */
export function EmailAddress({ email }: { email: string }) {
  const parts = email.split(/(?<=@)|(?=\.)/);
  return (
    <span className="[overflow-wrap:break-word]">
      {parts.map((part, index) => (
        // The parts of one address never reorder, so their position is a stable key.
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
