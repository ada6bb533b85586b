import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { idSchema, isoDateSchema } from './common.ts';

/** What happens to a departing person's messages: kept under "Former member", or their bodies removed too. */
export const ERASED_MESSAGES_CHOICES = ['keep', 'remove'] as const;

/** The name shown wherever a person who deleted their account used to be named. */
export const FORMER_MEMBER_NAME = 'Former member';

/** `POST /api/me/delete` body: the password again, and what to do with their messages. */
export const deleteAccountBodySchema = z.strictObject({
  password: z.string().min(1, 'enter your password').max(LIMITS.passwordMaxLength),
  messages: z.enum(ERASED_MESSAGES_CHOICES),
});
export type DeleteAccountBody = z.infer<typeof deleteAccountBodySchema>;

/** Most audit events in one page. */
export const AUDIT_PAGE_SIZE = 50;

/** `GET /api/communities/:id/audit` query: a page ending before an event's id (newest first). */
export const auditLogQuerySchema = z.strictObject({
  before: idSchema.optional(),
});
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

/** One event of a community's audit log, with people named as they are now ("Former member" once erased). */
export const auditEventSchema = z.object({
  id: idSchema,
  type: z.string(),
  at: isoDateSchema,
  actor: z.object({ id: idSchema, displayName: z.string() }).nullable(),
  target: z.object({ id: idSchema, displayName: z.string() }).nullable(),
  roomId: idSchema.nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
});
export type AuditEventDto = z.infer<typeof auditEventSchema>;

/** `GET /api/communities/:id/audit` answer: newest first, and the cursor of the next (older) page if any. */
export const auditLogSchema = z.object({
  events: z.array(auditEventSchema),
  nextBefore: idSchema.nullable(),
});
export type AuditLog = z.infer<typeof auditLogSchema>;
