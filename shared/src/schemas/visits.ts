import { z } from 'zod';
import { displayNameSchema, idSchema, isoDateSchema, nameSchema } from './common.ts';
import { roomSchema } from './rooms.ts';

/** `POST /api/rooms/:id/visitor-passes` body. A pass lasts at most 31 days. */
export const createVisitorPassBodySchema = z.strictObject({
  label: nameSchema,
  expiresAt: isoDateSchema,
});
export type CreateVisitorPassBody = z.infer<typeof createVisitorPassBodySchema>;

/** A visitor pass; `token` and `url` are shown only to its creator when it is made. */
export const visitorPassSchema = z.object({
  id: idSchema,
  roomId: idSchema,
  label: z.string(),
  expiresAt: isoDateSchema,
  revokedAt: isoDateSchema.nullable(),
  createdAt: isoDateSchema,
  visits: z.number().int(),
  token: z.string().optional(),
  url: z.string().optional(),
});
export type VisitorPass = z.infer<typeof visitorPassSchema>;
export const visitorPassResponseSchema = z.object({ pass: visitorPassSchema });
export const visitorPassListSchema = z.object({ passes: z.array(visitorPassSchema) });
export const visitorPassParamsSchema = z.strictObject({ id: idSchema, passId: idSchema });

/** `POST /api/visits` body: the pass token and the name the visitor wants to be shown as. */
export const startVisitBodySchema = z.strictObject({
  token: z.string().min(16).max(128),
  displayName: displayNameSchema,
});
export type StartVisitBody = z.infer<typeof startVisitBodySchema>;

/** An open-day visitor: no account, one room, read-only. */
export const visitorSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  roomId: idSchema,
  expiresAt: isoDateSchema,
});
export type Visitor = z.infer<typeof visitorSchema>;
export const visitResponseSchema = z.object({ visitor: visitorSchema, room: roomSchema });
export type VisitResponse = z.infer<typeof visitResponseSchema>;
