import type { UserCaller } from '../auth/Caller.ts';
import { hashToken } from '../auth/tokens.ts';
import { AppError } from '../errors.ts';
import { InvitationModel, type InvitationRecord } from '../models/Invitation.ts';
import { InvitationClaimModel } from '../models/InvitationClaim.ts';
import { MembershipModel, type MembershipRecord } from '../models/Membership.ts';
import { isDuplicateKey } from '../database/isDuplicateKey.ts';

/** Finds a live invitation by its link token, or explains why it cannot be used. */
export async function findUsableInvitation(token: string): Promise<InvitationRecord> {
  const invitation = await InvitationModel.findOne({ tokenHash: hashToken(token) });
  if (!invitation) throw new AppError('not_found', 'This invitation link is not valid.');
  if (invitation.acceptedAt) throw new AppError('gone', 'This invitation has already been used.');
  if (invitation.expiresAt <= new Date())
    throw new AppError('gone', 'This invitation has expired. Ask for a new one.');
  return invitation;
}

/**
 * Accepts a usable invitation exactly once (the route has asked invitationAbilities that it is the caller's): the
 * claim is a unique insert, so two tabs racing cannot both use it.
 */
export async function acceptInvitation(
  caller: UserCaller,
  invitation: InvitationRecord,
): Promise<MembershipRecord> {
  // The claim is a unique insert: on FerretDB 1.24 a conditional findOneAndUpdate let two concurrent accepts both win.
  try {
    await InvitationClaimModel.create({ _id: invitation._id });
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('gone', 'This invitation has already been used.');
    throw error;
  }
  await InvitationModel.updateOne(
    { _id: invitation._id },
    { $set: { acceptedAt: new Date(), acceptedBy: caller.user.id } },
  );

  const existing = await MembershipModel.findOne({
    communityId: invitation.communityId,
    userId: caller.user.id,
  });
  if (existing) return existing;
  try {
    return await MembershipModel.create({
      communityId: invitation.communityId,
      userId: caller.user.id,
      role: invitation.role,
    });
  } catch (error) {
    if (isDuplicateKey(error)) {
      const membership = await MembershipModel.findOne({
        communityId: invitation.communityId,
        userId: caller.user.id,
      });
      if (membership) return membership;
    }
    throw error;
  }
}
