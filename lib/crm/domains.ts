/**
 * An organization's email domains (issue 15), shared by the organization form and the API: stored
 * lower-case without a leading `@`; a contact's email domain matches one of them when it is the
 * same domain or a subdomain of it (`eu.acme.com` matches `acme.com`).
 */

export const maxDomainLength = 253;
export const maxDomainsPerOrganization = 50;

// Labels of letters, digits and inner hyphens, at least two of them (a domain has a dot).
const domainPattern = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export const invalidDomainMessage = (domain: string) => `Domain ${domain} is not a valid domain (like example.com)`;
export const tooManyDomainsMessage = `Domains are too many (maximum is ${maxDomainsPerOrganization})`;

/** `@Acme.COM ` → `acme.com`; spaces inside, schemes and paths are left in, for `isDomain` to refuse. */
export function normalizeDomain(value: string): string {
  return value.trim().toLowerCase().replace(/^@/, '');
}

export function isDomain(value: string): boolean {
  return value.length <= maxDomainLength && domainPattern.test(value);
}

/** The domains typed in the form's field: separated by commas, spaces or new lines. */
export function splitDomains(text: string): string[] {
  return text.split(/[\s,;]+/).filter((part) => part !== '');
}
