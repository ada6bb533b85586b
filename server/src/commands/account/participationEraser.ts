import { FORMER_MEMBER_NAME } from '@common-ground/shared';
import { DigestClaimModel } from '../../models/DigestClaim.ts';
import { JourneyEventModel } from '../../models/JourneyEvent.ts';
import { MailPreferenceModel } from '../../models/MailPreference.ts';
import { MeetingActionModel } from '../../models/MeetingAction.ts';
import { MeetingAttendanceModel } from '../../models/MeetingAttendance.ts';
import { MeetingBidModel } from '../../models/MeetingBid.ts';
import { PartnershipActivityModel } from '../../models/PartnershipActivity.ts';
import { ReflectionModel } from '../../models/Reflection.ts';
import { SingleSignOnLinkModel } from '../../models/SingleSignOnLink.ts';

/**
 * The erasure of what a person did in meetings, partnerships and mail settings (accountEraser does the rest): their
 * own records (bids, actions and reflections on them, attendance, email choices, single sign-on links, digest claims)
 * go; reflections they wrote for a partnership become "Former member" like their messages, or go too when they asked
 * for their words to be removed; activity counts and journey events keep the organisation and lose the person.
 */
export async function eraseParticipation(userId: string, removeContent: boolean): Promise<void> {
  await Promise.all([
    MeetingBidModel.deleteMany({ userId }),
    MeetingActionModel.deleteMany({ ownerId: userId }),
    MeetingAttendanceModel.deleteMany({ userId }),
    MailPreferenceModel.deleteMany({ userId }),
    DigestClaimModel.deleteMany({ userId }),
    SingleSignOnLinkModel.deleteMany({ userId }),
    removeContent
      ? ReflectionModel.deleteMany({ authorId: userId })
      : ReflectionModel.updateMany({ authorId: userId }, { $set: { authorName: FORMER_MEMBER_NAME } }),
    PartnershipActivityModel.updateMany({ userId }, { $set: { userId: null } }),
    JourneyEventModel.updateMany({ actorId: userId }, { $set: { actorId: null } }),
  ]);
}
