import { MailPreferenceModel } from '../models/MailPreference.ts';
import { MeetingActionModel } from '../models/MeetingAction.ts';
import { MeetingAttendanceModel } from '../models/MeetingAttendance.ts';
import { MeetingBidModel } from '../models/MeetingBid.ts';
import { ReflectionModel } from '../models/Reflection.ts';
import { SingleSignOnLinkModel } from '../models/SingleSignOnLink.ts';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);
const id = (value: unknown) => (value == null ? null : String(value));

/**
 * The part of a person's data export about meetings, partnerships, email choices and single sign-on (personalData
 * gathers the rest): their own bids, actions and reflections on them, attendance, partnership reflections they wrote,
 * the emails they chose, and the identities they sign in with.
 */
export async function collectParticipation(userId: string): Promise<Record<string, unknown>> {
  const [preferences, links, bids, actions, attendance, reflections] = await Promise.all([
    MailPreferenceModel.findOne({ userId }).lean(),
    SingleSignOnLinkModel.find({ userId }).lean(),
    MeetingBidModel.find({ userId }).sort({ createdAt: 1 }).lean(),
    MeetingActionModel.find({ ownerId: userId }).sort({ createdAt: 1 }).lean(),
    MeetingAttendanceModel.find({ userId }).lean(),
    ReflectionModel.find({ authorId: userId }).lean(),
  ]);
  return {
    emailChoices: preferences
      ? {
          mentionEmails: preferences.mentionEmails,
          joinRequestEmails: preferences.joinRequestEmails,
          digest: preferences.digest,
        }
      : 'the defaults (mention emails on, digest weekly)',
    singleSignOn: links.map((link) => ({ email: link.email, linkedAt: iso(link.createdAt) })),
    meetings: {
      bids: bids.map((bid) => ({
        meetingId: id(bid.meetingId),
        minutes: bid.minutes,
        topic: bid.topic,
        at: iso(bid.createdAt),
      })),
      actions: actions.map((action) => ({
        meetingId: id(action.meetingId),
        text: action.text,
        status: action.status,
        reflection: action.reflection,
        createdAt: iso(action.createdAt),
        reflectedAt: iso(action.reflectedAt),
      })),
      attendance: attendance.map((row) => ({ meetingId: id(row.meetingId) })),
    },
    partnershipReflections: reflections.map((reflection) => ({
      roomId: id(reflection.roomId),
      hoped: reflection.hoped,
      happened: reflection.happened,
      madeSense: reflection.madeSense,
      learned: reflection.learned,
      doDifferently: reflection.doDifferently,
      workingWith: reflection.workingWith,
    })),
  };
}
