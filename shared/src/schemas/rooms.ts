import { z } from 'zod';
import { ROLES } from '../permissions/roles.ts';
import { idSchema, isoDateSchema, nameSchema } from './common.ts';
import { learningSetStateSchema } from './learningSets.ts';
import { organisationSchema } from './organisations.ts';

/** The three ways people meet: live learning sets, long-running partnerships, and read-only open days. */
export const ROOM_KINDS = ['learning-set', 'partnership', 'open-day'] as const;
/** Room kinds as stored: the three above plus each community's own discussion space, made with the community. */
export const ALL_ROOM_KINDS = [...ROOM_KINDS, 'community-space'] as const;
export type RoomKind = (typeof ALL_ROOM_KINDS)[number];

export const ROOM_KIND_LABELS: Record<RoomKind, string> = {
  'learning-set': 'Action learning set',
  partnership: 'Source and recipient partnership',
  'open-day': 'Open day',
  'community-space': 'Community space',
};

/**
 * Who may see a partnership's content: the whole community (today's behaviour), or only the people of its source and
 * recipient organisations plus the community's facilitators. Other kinds of room are always 'community' here.
 */
export const ROOM_VISIBILITIES = ['community', 'partners'] as const;
export type RoomVisibility = (typeof ROOM_VISIBILITIES)[number];

export const ROOM_VISIBILITY_LABELS: Record<RoomVisibility, string> = {
  community: 'Everyone in the community',
  partners: 'Only the partner organisations and the community’s facilitators',
};

/** A new partnership is partners-only unless its creator chooses otherwise; other rooms follow the community. */
export const defaultVisibility = (kind: RoomKind): RoomVisibility =>
  kind === 'partnership' ? 'partners' : 'community';

/**
 * `POST /api/communities/:id/rooms` body. A partnership names its source and recipient organisations, and may name the
 * innovation it spreads and who may see it.
 */
export const createRoomBodySchema = z
  .strictObject({
    title: nameSchema,
    kind: z.enum(ROOM_KINDS),
    sourceOrganisationId: idSchema.optional(),
    recipientOrganisationIds: z.array(idSchema).max(50).optional(),
    innovationId: idSchema.optional(),
    visibility: z.enum(ROOM_VISIBILITIES).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'partnership') {
      if (!body.sourceOrganisationId)
        ctx.addIssue({
          code: 'custom',
          path: ['sourceOrganisationId'],
          message: 'a partnership needs a source organisation',
        });
      if (!body.recipientOrganisationIds?.length)
        ctx.addIssue({
          code: 'custom',
          path: ['recipientOrganisationIds'],
          message: 'a partnership needs at least one recipient organisation',
        });
      if (body.sourceOrganisationId && body.recipientOrganisationIds?.includes(body.sourceOrganisationId))
        ctx.addIssue({
          code: 'custom',
          path: ['recipientOrganisationIds'],
          message: 'the source cannot also be a recipient',
        });
    } else if (body.innovationId || body.visibility) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: 'only partnership rooms name an innovation or choose who may see them',
      });
    } else if (body.sourceOrganisationId || body.recipientOrganisationIds?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: 'only partnership rooms name source and recipient organisations',
      });
    }
  });
export type CreateRoomBody = z.infer<typeof createRoomBodySchema>;

/**
 * A room, with the caller's role in it: null only when listing a learning set the caller is not in but may see exists
 * (a community facilitator). A learning set also carries the caller's abilities and ground-rules agreement.
 */
export const roomSchema = z.object({
  id: idSchema,
  communityId: idSchema,
  communityName: z.string(),
  kind: z.enum(ALL_ROOM_KINDS),
  title: z.string(),
  documentId: idSchema,
  sourceOrganisation: organisationSchema.nullable(),
  recipientOrganisations: z.array(organisationSchema),
  /** The innovation a partnership spreads (null: none named yet, or not a partnership). */
  innovationId: idSchema.nullable(),
  visibility: z.enum(ROOM_VISIBILITIES),
  createdAt: isoDateSchema,
  role: z.enum(ROLES).nullable(),
  learningSet: learningSetStateSchema.nullable(),
});
export type Room = z.infer<typeof roomSchema>;
export const roomResponseSchema = z.object({ room: roomSchema });
export const roomListSchema = z.object({ rooms: z.array(roomSchema) });
