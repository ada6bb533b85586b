import { can, FORMER_MEMBER_NAME, type CommunityRole } from '@common-ground/shared';
import { eraseParticipation } from './participationEraser.ts';
import type { AccessEvents } from '../../access/AccessEvents.ts';
import { trusted } from '../../database/trusted.ts';
import { AppError } from '../../errors.ts';
import { AccountTokenModel } from '../../models/AccountToken.ts';
import { AuditEventModel } from '../../models/AuditEvent.ts';
import { DocumentVersionModel } from '../../models/DocumentVersion.ts';
import { DocumentVisitModel } from '../../models/DocumentVisit.ts';
import { GroundRulesAgreementModel } from '../../models/GroundRulesAgreement.ts';
import { InnovationModel } from '../../models/Innovation.ts';
import { InvitationModel } from '../../models/Invitation.ts';
import { MembershipModel } from '../../models/Membership.ts';
import { MessageModel } from '../../models/Message.ts';
import type { StoredMessage } from '../../queries/messageHistory.ts';
import { applyChange } from '../messages/messageChanger.ts';
import { NotificationModel } from '../../models/Notification.ts';
import { OrganisationAffiliationModel } from '../../models/OrganisationAffiliation.ts';
import { ReadMarkerModel } from '../../models/ReadMarker.ts';
import { SetMemberModel } from '../../models/SetMember.ts';
import { UserModel } from '../../models/User.ts';
import { VisitorPassModel } from '../../models/VisitorPass.ts';
import { endUserSessions } from './userSessionsEnder.ts';

/** What an erasure did, for the audit events facilitators read. */
export interface Erasure {
  communityIds: string[];
  /** Messages whose author name, body or mentions changed, to broadcast to their rooms. */
  changedMessages: StoredMessage[];
  messagesRemoved: boolean;
}

/**
 * Refuses an erasure that would leave a community with members but no facilitator, or an organisation with people
 * but no admin: the person hands over first, as they would to leave.
 */
export async function ensureNothingIsOrphaned(userId: string): Promise<void> {
  for (const membership of await MembershipModel.find({ userId }).lean()) {
    if (!can(membership.role as CommunityRole, 'community.manage')) continue;
    const others = await MembershipModel.find({
      communityId: membership.communityId,
      userId: trusted({ $ne: membership.userId }),
    }).lean();
    const managers = others.filter((other) => can(other.role as CommunityRole, 'community.manage'));
    if (others.length > 0 && managers.length === 0)
      throw new AppError(
        'conflict',
        'You are the only facilitator of a community. Make someone else a facilitator before deleting your account.',
      );
  }
  for (const affiliation of await OrganisationAffiliationModel.find({ userId, isAdmin: true }).lean()) {
    const others = await OrganisationAffiliationModel.find({
      organisationId: affiliation.organisationId,
      userId: trusted({ $ne: affiliation.userId }),
      status: 'confirmed',
    }).lean();
    if (others.length > 0 && !others.some((other) => other.isAdmin))
      throw new AppError(
        'conflict',
        'You are the only admin of an organisation. Make someone else an admin before deleting your account.',
      );
  }
}

/**
 * Deletes a person's account (UK GDPR article 17). Their messages stay under "Former member" with the bodies kept,
 * or lose their bodies too when `removeMessages`; their name leaves version history and notifications; their
 * memberships, affiliations, agreements, markers, visits, links and invitations go; passes they issued end; every
 * session ends (open sockets close through the access events); and the account itself is deleted. Each step can run
 * again, so an erasure that failed halfway is finished by asking again.
 */
export async function eraseAccount(
  accessEvents: AccessEvents,
  userId: string,
  options: { removeMessages: boolean },
): Promise<Erasure> {
  const user = await UserModel.findById(userId, { email: 1, displayName: 1 }).lean();
  if (!user) throw new AppError('not_found', 'That account no longer exists.');
  const memberships = await MembershipModel.find({ userId }).lean();
  const setMemberships = await SetMemberModel.find({ userId }).lean();
  const communityIds = [
    ...new Set([...memberships, ...setMemberships].map((membership) => String(membership.communityId))),
  ];

  // Sessions first: nothing they do from now on can race the rest.
  await endUserSessions(accessEvents, userId);

  const anonymised = {
    authorName: FORMER_MEMBER_NAME,
    authorOrganisationId: null,
    authorOrganisationName: null,
  };
  const changed: StoredMessage[] = [];
  // Each through the room's change feed, so clients catching up see it, and announced to those connected.
  for (const message of await MessageModel.find({ authorId: userId }, { roomId: 1 }).lean())
    changed.push(
      await applyChange(
        String(message.roomId),
        String(message._id),
        options.removeMessages ? { ...anonymised, body: '', deleted: true, mentions: [] } : anonymised,
      ),
    );
  await NotificationModel.updateMany(
    { actorId: userId },
    {
      $set: options.removeMessages
        ? { actorName: FORMER_MEMBER_NAME, excerpt: 'This message was removed.' }
        : { actorName: FORMER_MEMBER_NAME },
    },
  );
  changed.push(...(await renameMentions(userId, user.displayName)));
  await DocumentVersionModel.updateMany(
    { createdByUserId: userId },
    { $set: { createdByUserId: null, createdByName: FORMER_MEMBER_NAME } },
  );
  await InnovationModel.updateMany({ contacts: userId }, { $pull: { contacts: userId } });

  await MembershipModel.deleteMany({ userId });
  await SetMemberModel.deleteMany({ userId });
  for (const communityId of communityIds)
    await accessEvents.publish({ type: 'membership.changed', communityId, userId });
  await Promise.all([
    OrganisationAffiliationModel.deleteMany({ userId }),
    NotificationModel.deleteMany({ userId }),
    ReadMarkerModel.deleteMany({ userId }),
    DocumentVisitModel.deleteMany({ viewerId: userId }),
    GroundRulesAgreementModel.deleteMany({ userId }),
    AccountTokenModel.deleteMany({ userId }),
    InvitationModel.deleteMany({ email: user.email }),
    AuditEventModel.updateMany({ actorUserId: userId }, { $set: { ip: null } }),
    eraseParticipation(userId, options.removeMessages),
  ]);

  const passes = await VisitorPassModel.find({ createdBy: userId, revokedAt: null }, { _id: 1 }).lean();
  if (passes.length) {
    await VisitorPassModel.updateMany(
      { _id: trusted({ $in: passes.map((pass) => pass._id) }) },
      { $set: { revokedAt: new Date() } },
    );
    for (const pass of passes) await accessEvents.publish({ type: 'pass.revoked', passId: String(pass._id) });
  }

  // A session made between the first sweep and now (a sign-in in flight) ends too; then the account goes.
  await UserModel.deleteOne({ _id: userId });
  await endUserSessions(accessEvents, userId);
  return { communityIds, changedMessages: changed, messagesRemoved: options.removeMessages };
}

/** Other people's messages that mention the person keep their words, with "@Name" now "@Former member". */
async function renameMentions(userId: string, displayName: string): Promise<StoredMessage[]> {
  const escaped = displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const mention = new RegExp(`@${escaped}`, 'giu');
  const changed: StoredMessage[] = [];
  for (const message of await MessageModel.find(
    { mentions: userId },
    { roomId: 1, body: 1, mentions: 1 },
  ).lean())
    changed.push(
      await applyChange(String(message.roomId), String(message._id), {
        body: message.body.replace(mention, `@${FORMER_MEMBER_NAME}`),
        mentions: message.mentions.filter((id) => String(id) !== userId),
      }),
    );
  return changed;
}
