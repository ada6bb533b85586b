import { z } from 'zod';
import { COMMUNITY_ROLES } from '../permissions/roles.ts';
import { personSchema } from './auth.ts';
import { idSchema, isoDateSchema, nameSchema, textSchema } from './common.ts';

/** `POST /api/communities` body. */
export const createCommunityBodySchema = z.strictObject({ name: nameSchema, purpose: textSchema });
export type CreateCommunityBody = z.infer<typeof createCommunityBodySchema>;

/** A community of practice across organisations, with the caller's role in it. */
export const communitySchema = z.object({
  id: idSchema,
  name: z.string(),
  purpose: z.string(),
  createdAt: isoDateSchema,
  role: z.enum(COMMUNITY_ROLES).nullable(),
  /** The room that holds the community-wide discussion. */
  spaceRoomId: idSchema.nullable(),
});
export type Community = z.infer<typeof communitySchema>;
export const communityResponseSchema = z.object({ community: communitySchema });
export const communityListSchema = z.object({ communities: z.array(communitySchema) });

/** Someone's place in a community. */
export const membershipSchema = z.object({
  communityId: idSchema,
  userId: idSchema,
  role: z.enum(COMMUNITY_ROLES),
  joinedAt: isoDateSchema,
});
export type Membership = z.infer<typeof membershipSchema>;
export const membershipResponseSchema = z.object({ membership: membershipSchema });

/** A member as listed on the members page. */
export const memberSchema = membershipSchema.extend({ person: personSchema });
export type Member = z.infer<typeof memberSchema>;
export const memberListSchema = z.object({ members: z.array(memberSchema) });

/** `PATCH /api/communities/:id/members/:userId` body. */
export const updateMemberBodySchema = z.strictObject({ role: z.enum(COMMUNITY_ROLES) });
export const memberParamsSchema = z.strictObject({ id: idSchema, userId: idSchema });

/** `POST /api/communities/:id/invitations` body. */
export const createInvitationBodySchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email('must be an email address').max(254)),
  role: z.enum(COMMUNITY_ROLES),
});
export type CreateInvitationBody = z.infer<typeof createInvitationBodySchema>;

/** An invitation; `token` is shown only to its creator when it is made. */
export const invitationSchema = z.object({
  id: idSchema,
  email: z.string(),
  role: z.enum(COMMUNITY_ROLES),
  expiresAt: isoDateSchema,
  acceptedAt: isoDateSchema.nullable(),
  token: z.string().optional(),
  url: z.string().optional(),
  /** Whether the link was just emailed to the invitee (only when it has just been made or resent). */
  emailed: z.boolean().optional(),
});
export type Invitation = z.infer<typeof invitationSchema>;
export const invitationResponseSchema = z.object({ invitation: invitationSchema });
export const invitationListSchema = z.object({ invitations: z.array(invitationSchema) });

/** `GET /api/invitations/:token`: what someone is being invited to, before they accept. */
export const invitationPreviewSchema = z.object({
  invitation: z.object({
    communityName: z.string(),
    role: z.enum(COMMUNITY_ROLES),
    email: z.string(),
    expiresAt: isoDateSchema,
  }),
});
export const invitationTokenParamsSchema = z.strictObject({ token: z.string().min(16).max(128) });

/** `DELETE /api/communities/:id/invitations/:invitationId` parameters. */
export const invitationParamsSchema = z.strictObject({ id: idSchema, invitationId: idSchema });
