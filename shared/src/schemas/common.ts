import { z } from 'zod';
import { LIMITS } from '../limits.ts';

/** A MongoDB ObjectId as 24 hex characters; anything else (including operator objects) is refused. */
export const idSchema = z.string().regex(/^[a-f0-9]{24}$/, 'must be an id');

/** A person's or thing's display name: trimmed, non-empty, bounded. */
export const nameSchema = z.string().trim().min(1, 'cannot be empty').max(LIMITS.nameLength);

/** Longer free text such as a purpose. */
export const textSchema = z.string().trim().max(LIMITS.textLength);

/** An email address, normalised to lower case. */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('must be an email address').max(254));

/** ISO 8601 timestamp as sent over the wire. */
export const isoDateSchema = z.iso.datetime({ offset: true });

/** `:id` style route parameters. */
export const idParamsSchema = z.strictObject({ id: idSchema });

/** A request body that must be empty (`{}` or nothing): the route takes no fields. */
export const emptyBodySchema = z.strictObject({});
