import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { claimsRole, cleanLine, cleanText } from '../text/cleanText.ts';

/** A MongoDB ObjectId as 24 hex characters; anything else (including operator objects) is refused. */
export const idSchema = z.string().regex(/^[a-f0-9]{24}$/, 'must be an id');

/** A person's or thing's name or title: cleaned of invisible and reordering characters, non-empty, bounded. */
export const nameSchema = z.string().overwrite(cleanLine).min(1, 'cannot be empty').max(LIMITS.nameLength);

/** The name a person is shown by: also may not wear a role in brackets, such as "(facilitator)". */
export const displayNameSchema = nameSchema.refine((name) => !claimsRole(name), {
  message: 'cannot include a role such as (facilitator): roles are shown by the product itself',
});

/** An organisation's name: it may not wear a role or a standing either, such as "(verified)". */
export const organisationNameSchema = nameSchema.refine((name) => !claimsRole(name), {
  message: 'cannot include a word such as (verified): the product shows whether an organisation is verified',
});

/** Longer free text such as a purpose: cleaned of NUL and reordering characters, line breaks kept. */
export const textSchema = z.string().overwrite(cleanText).max(LIMITS.textLength);

/** An email address, normalised to lower case. */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('must be an email address').max(254));

/** ISO 8601 timestamp as sent over the wire. */
export const isoDateSchema = z.iso.datetime({ offset: true });

/** `:id` style route parameters. */
export const idParamsSchema = z.strictObject({ id: idSchema });

/** A request body that must be empty (`{}` or nothing): the route takes no fields. */
export const emptyBodySchema = z.strictObject({});
