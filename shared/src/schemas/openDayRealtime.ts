import { z } from 'zod';
import { OPEN_DAY_LIMITS } from '../limits.ts';
import { idSchema, isoDateSchema } from './common.ts';
import type { HostHeadcount } from './openDayHosting.ts';
import type { HostQuestion, PublicQuestion } from './openDayQuestions.ts';

/** `openday:join` / `openday:leave` payload: the open day whose live events to receive. */
export const openDayRefPayloadSchema = z.strictObject({ openDayId: idSchema });
export type OpenDayRefPayload = z.infer<typeof openDayRefPayloadSchema>;

/** `openday:join` acknowledgement: approved questions by votes, how many are watching, where the host is. */
export interface OpenDayJoinResult {
  questions: PublicQuestion[];
  watching: number;
  hostHeadingId: string | null;
  /** Hosts only: the moderation queue and the headcount by organisation. */
  host: { queue: HostQuestion[]; headcount: HostHeadcount } | null;
}

/** `openday:follow` payload: start (true) or stop (false) following the host's position. Off by default. */
export const openDayFollowPayloadSchema = z.strictObject({ openDayId: idSchema, following: z.boolean() });
export type OpenDayFollowPayload = z.infer<typeof openDayFollowPayloadSchema>;

/** A heading's id in the live document, as the editor renders it. */
export const headingIdSchema = z
  .string()
  .min(1)
  .max(OPEN_DAY_LIMITS.headingIdLength)
  .regex(/^[\w-]+$/);

/** `openday:position` payload: the host is now on this heading. */
export const openDayPositionPayloadSchema = z.strictObject({
  openDayId: idSchema,
  headingId: headingIdSchema,
});
export type OpenDayPositionPayload = z.infer<typeof openDayPositionPayloadSchema>;

/** `openday:hostPosition`, to followers only: where the host is. `sentAt` lets a client measure delay. */
export interface OpenDayHostPositionEvent {
  openDayId: string;
  headingId: string;
  sentAt: string;
}
export const openDayHostPositionEventSchema = z.object({
  openDayId: idSchema,
  headingId: z.string(),
  sentAt: isoDateSchema,
});

/** `openday:question`, to everyone in the open day: an approved question appeared or changed (votes, answer). */
export interface OpenDayQuestionEvent {
  question: PublicQuestion;
}
/** `openday:questionRemoved`: a question left the approved list (merged into another). */
export interface OpenDayQuestionRemovedEvent {
  openDayId: string;
  questionId: string;
}
/** `openday:queue`, to hosts only: a question in the moderation queue was asked or changed. */
export interface OpenDayQueueEvent {
  question: HostQuestion;
}
/** `openday:watching`, to everyone: how many visitors are watching now. */
export interface OpenDayWatchingEvent {
  openDayId: string;
  watching: number;
}
/** `openday:headcount`, to hosts only: who is present, by organisation. */
export type OpenDayHeadcountEvent = HostHeadcount;
