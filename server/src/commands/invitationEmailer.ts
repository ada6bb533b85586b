import type { CommunityRole } from '@common-ground/shared';
import { hashToken, newToken } from '../auth/tokens.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/Mailer.ts';
import { invitationEmail } from '../mail/templates/invitationEmail.ts';
import { CommunityModel } from '../models/Community.ts';
import { InvitationModel, type InvitationRecord } from '../models/Invitation.ts';
import { UserModel } from '../models/User.ts';
import { INVITATION_LIFETIME_MS } from './memberInviter.ts';

/**
 * Emails an invitation's link to the invitee; returns whether it was sent. Never throws: the facilitator still gets
 * the link to share by hand when there is no mail transport or it fails.
 */
export async function emailInvitation(
  mailer: Mailer,
  logger: Logger,
  invitation: InvitationRecord,
  url: string,
): Promise<boolean> {
  if (!mailer.canSend) return false;
  try {
    const [community, inviter] = await Promise.all([
      CommunityModel.findById(invitation.communityId, { name: 1 }).lean(),
      UserModel.findById(invitation.createdBy, { displayName: 1 }).lean(),
    ]);
    await mailer.send(
      invitationEmail({
        to: invitation.email,
        communityName: community?.name ?? 'a community',
        role: invitation.role as CommunityRole,
        invitedBy: inviter?.displayName ?? 'A facilitator',
        url,
        expiresAt: invitation.expiresAt,
      }),
    );
    return true;
  } catch (error) {
    logger.error({ err: error, invitationId: String(invitation._id) }, 'invitation email not sent');
    return false;
  }
}

/** Gives an unused invitation a fresh link and lifetime (the old link stops working); returns the new token. */
export async function renewInvitationLink(
  communityId: string,
  invitationId: string,
): Promise<{ invitation: InvitationRecord; token: string }> {
  const token = newToken();
  const invitation = await InvitationModel.findOneAndUpdate(
    { _id: invitationId, communityId, acceptedAt: null },
    { $set: { tokenHash: hashToken(token), expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS) } },
    { new: true },
  );
  if (!invitation) throw new AppError('not_found', 'Invitation not found or already used.');
  return { invitation, token };
}
