'use client';

import type { ResultOf } from '@graphql-typed-document-node/core';
import * as HoverCard from '@radix-ui/react-hover-card';
import { useRef, useState } from 'react';
import { graphql } from '@/lib/graphql';
import { focusRing, linkClass } from '../ui/styles';
import { EmailAddress } from '../ui/email-address';

export const contactCardFragment = graphql(`
  fragment ContactCard on CustomerRelationsContact {
    firstName lastName email phone description
    organization { name defaultRate }
  }
`);
export type ContactCardData = ResultOf<typeof contactCardFragment>;

/**
 * A contact's name as a link; pointing at it or focusing it shows the details after 200 ms (Escape
 * closes). Everything shown arrives with the page as props, so opening the card needs no request.
 */
export function ContactHoverCard({ contact, href }: { contact: ContactCardData; href: string }) {
  const fullName = `${contact.firstName} ${contact.lastName}`;
  const { organization } = contact;
  const triggerRef = useRef<HTMLAnchorElement>(null);
  // The card is portalled into the landmark around its trigger (the issue sidebar), not onto <body>,
  // so everything on the page stays inside a landmark for screen reader users.
  const [container, setContainer] = useState<HTMLElement | null>(null);
  const findContainer = (open: boolean) => {
    if (open && !container) setContainer(triggerRef.current?.closest<HTMLElement>('aside, main, nav, [role="region"]') ?? null);
  };
  return (
    <HoverCard.Root openDelay={200} closeDelay={100} onOpenChange={findContainer}>
      <HoverCard.Trigger asChild>
        <a ref={triggerRef} href={href} data-testid="contact-link" className={`${linkClass} font-medium`}>
          {fullName}
        </a>
      </HoverCard.Trigger>
      <HoverCard.Portal container={container ?? undefined}>
        <HoverCard.Content
          data-testid="contact-hover-card"
          side="left"
          align="start"
          sideOffset={6}
          collisionPadding={8}
          className="z-50 w-72 rounded-md border border-gray-300 bg-white p-3 text-sm text-gray-900 shadow-lg"
        >
          <p className="font-semibold">{fullName}</p>
          {organization ? (
            <p className="mt-1 text-gray-800">
              {organization.name}
              {organization.defaultRate !== null ? (
                <span className="block text-gray-700">Rate: {organization.defaultRate.toFixed(2)}</span>
              ) : null}
            </p>
          ) : null}
          {contact.email || contact.phone ? (
            <dl className="mt-2 space-y-1">
              {contact.email ? (
                <div className="flex gap-2">
                  <dt className="sr-only">Email</dt>
                  <dd className="min-w-0">
                    <a href={`mailto:${contact.email}`} className={`${linkClass} ${focusRing}`}>
                      <EmailAddress email={contact.email} />
                    </a>
                  </dd>
                </div>
              ) : null}
              {contact.phone ? (
                <div className="flex gap-2">
                  <dt className="sr-only">Phone</dt>
                  <dd>{contact.phone}</dd>
                </div>
              ) : null}
            </dl>
          ) : null}
          {contact.description ? <p className="mt-2 border-t border-gray-200 pt-2 whitespace-pre-wrap text-gray-700">{contact.description}</p> : null}
        </HoverCard.Content>
      </HoverCard.Portal>
    </HoverCard.Root>
  );
}
