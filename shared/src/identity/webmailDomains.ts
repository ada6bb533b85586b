import { z } from 'zod';

/**
 * Free webmail providers: anyone can have an address there, so it says nothing about where a person works. Such
 * addresses may still ask to join an organisation (by hand), but admins see them marked, and no organisation may list
 * these domains as its own.
 */
const WEBMAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'outlook.co.uk',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'live.co.uk',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'aol.co.uk',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.co.uk',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'btinternet.com',
  'sky.com',
  'virginmedia.com',
  'talktalk.net',
]);

/** The part of an address after the `@`, lower-cased. */
export function emailDomainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** Whether a domain (or an address's domain) belongs to a free webmail provider: the list above, or any `yahoo.*`. */
export function isWebmailDomain(domainOrEmail: string): boolean {
  const domain = emailDomainOf(domainOrEmail);
  return WEBMAIL_DOMAINS.has(domain) || /^(yahoo|ymail|rocketmail)\.[a-z.]+$/.test(domain);
}

/** One email domain an organisation says is its own, e.g. `leeds.gov.uk`: lower case, no `@`, not free webmail. */
export const emailDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((domain) => domain.replace(/^@/, ''))
  .pipe(
    z
      .string()
      .max(253)
      .regex(
        /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        'must be a domain such as leeds.gov.uk',
      )
      .refine((domain) => !isWebmailDomain(domain), {
        message: 'is a free webmail provider: anyone can have an address there',
      }),
  );
