import type { CreateInvitationBody } from '@common-ground/shared';
import { hashToken, newToken } from '../auth/tokens.ts';
import { InvitationModel, type InvitationRecord } from '../models/Invitation.ts';

/** How long an invitation link stays valid. */
export const INVITATION_LIFETIME_MS = 14 * 24 * 3600_000;

/** Creates a single-use invitation; returns the record and the token for the link (shown once). */
export async function inviteMember(
  userId: string,
  communityId: string,
  body: CreateInvitationBody,
): Promise<{ invitation: InvitationRecord; token: string }> {
  const token = newToken();
  const invitation = await InvitationModel.create({
    communityId,
    email: body.email,
    role: body.role,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
    createdBy: userId,
  });
  return { invitation, token };
}
