'use client';

import type { ResultOf } from '@graphql-typed-document-node/core';
import { type PointerEvent, useEffect, useId, useRef, useState } from 'react';
import { graphql } from '@/lib/graphql';
import { linkClass } from '../ui/styles';
import { EmailAddress } from '../ui/email-address';
import { InactiveBadge } from './contacts-table';

export const contactCardFragment = graphql(`
  fragment ContactCard on CustomerRelationsContact {
    firstName lastName email phone description active
    organization { name defaultRate }
  }
`);
export type ContactCardData = ResultOf<typeof contactCardFragment>;

const openDelay = 200;
const closeDelay = 150;

/**
 * A contact's name as a link to `href`; pointing at it or focusing it shows the details after
 * 200 ms. The card follows the name in the page, so Tab goes on into it (its email link, its
 * issues link) and leaving both closes it; Escape closes it and returns to the name. On a touch
 * screen a tap opens the card instead of following the link: the card carries the link too.
 * Everything shown arrives with the page as props, so opening the card needs no request.
 */
export function ContactHoverCard({
  contact,
  href,
  request,
}: {
  contact: ContactCardData;
  href: string;
  /** The contact's request on the issue whose sidebar shows the card. */
  request?: { important: boolean; note: string | null };
}) {
  const fullName = `${contact.firstName} ${contact.lastName}`;
  const { organization } = contact;
  const cardId = useId();
  const triggerRef = useRef<HTMLAnchorElement>(null);
  const timer = useRef<number | undefined>(undefined);
  // The last press on the name was a finger's: its click opens the card instead of navigating.
  const touched = useRef(false);
  // Escape closed the card: focus coming back to the name does not open it again.
  const dismissed = useRef(false);
  const [open, setOpen] = useState(false);

  useEffect(() => () => clearTimeout(timer.current), []);
  const openLater = () => {
    clearTimeout(timer.current);
    if (!dismissed.current) timer.current = window.setTimeout(() => setOpen(true), openDelay);
  };
  const closeLater = () => {
    clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setOpen(false), closeDelay);
  };

  return (
    <div
      className="relative min-w-0"
      onPointerEnter={(event: PointerEvent) => {
        if (event.pointerType === 'touch') return;
        // Pointing at the name again opens the card, even after Escape closed it.
        dismissed.current = false;
        openLater();
      }}
      onPointerLeave={(event: PointerEvent) => {
        if (event.pointerType !== 'touch') closeLater();
      }}
      onFocus={openLater}
      onBlur={(event) => {
        if (event.currentTarget.contains(event.relatedTarget)) return;
        dismissed.current = false;
        closeLater();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.stopPropagation();
        clearTimeout(timer.current);
        dismissed.current = true;
        setOpen(false);
        triggerRef.current?.focus();
      }}
    >
      <a
        ref={triggerRef}
        href={href}
        data-testid="contact-link"
        aria-expanded={open}
        aria-controls={open ? cardId : undefined}
        onPointerDown={(event) => {
          touched.current = event.pointerType === 'touch';
        }}
        onClick={(event) => {
          const tapped = touched.current;
          touched.current = false;
          if (!tapped) return;
          event.preventDefault();
          clearTimeout(timer.current);
          setOpen((current) => !current);
        }}
        className={`${linkClass} font-medium break-words`}
      >
        {fullName}
      </a>
      {contact.active ? null : <InactiveBadge />}
      {open ? (
        <div
          id={cardId}
          role="group"
          aria-label={`About ${fullName}`}
          className="absolute top-full left-0 z-50 pt-1 lg:top-0 lg:right-full lg:left-auto lg:pt-0 lg:pr-2"
        >
          <div data-testid="contact-hover-card" className="w-72 max-w-[calc(100vw-2rem)] rounded-md border border-gray-300 bg-white p-3 text-sm text-gray-900 shadow-lg">
            <p className="font-semibold break-words">
              {fullName}
              {contact.active ? null : <InactiveBadge />}
            </p>
            {organization ? (
              <p className="mt-1 text-gray-800">
                {organization.name}
                {organization.defaultRate !== null ? <span className="block text-gray-700">Rate: {organization.defaultRate.toFixed(2)}</span> : null}
              </p>
            ) : null}
            {contact.email || contact.phone ? (
              <dl className="mt-2 space-y-1">
                {contact.email ? (
                  <div className="flex gap-2">
                    <dt className="sr-only">Email</dt>
                    <dd className="min-w-0">
                      <a href={`mailto:${contact.email}`} className={linkClass}>
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
            {request && (request.important || request.note) ? (
              <div data-testid="contact-request" className="mt-2 border-t border-gray-200 pt-2">
                {request.important ? <p className="font-medium text-amber-900">Important request</p> : null}
                {request.note ? <p className="break-words whitespace-pre-wrap text-gray-800">{request.note}</p> : null}
              </div>
            ) : null}
            {contact.description ? <p className="mt-2 border-t border-gray-200 pt-2 whitespace-pre-wrap text-gray-700">{contact.description}</p> : null}
            <p className="mt-2 border-t border-gray-200 pt-2">
              <a href={href} className={linkClass}>
                View issues
              </a>
            </p>
          </div>
        </div>
      ) : null}
    </div>
  );
}
