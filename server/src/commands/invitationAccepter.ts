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
 * Accepts an invitation exactly once: the claim is a unique insert, so two tabs racing cannot both use it. The
 * invitation is for one email address; someone else holding the link cannot use it.
 */
export async function acceptInvitation(caller: UserCaller, token: string): Promise<MembershipRecord> {
  const invitation = await findUsableInvitation(token);
  if (invitation.email !== caller.user.email) {
    throw new AppError(
      'forbidden',
      `This invitation is for ${invitation.email}. Sign in with that address to accept it.`,
    );
  }
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
