import { trusted } from '../database/trusted.ts';
import { MeetingModel, type MeetingRecord } from '../models/Meeting.ts';
import { MeetingActionModel } from '../models/MeetingAction.ts';
import { MeetingAttendanceModel } from '../models/MeetingAttendance.ts';
import { MeetingBidModel } from '../models/MeetingBid.ts';
import { MeetingNotesModel } from '../models/MeetingNotes.ts';
import { MeetingHelpfulQuestionModel } from '../models/MeetingHelpfulQuestion.ts';

/** A set's meetings, soonest first. */
export async function meetingsOf(roomId: string) {
  return MeetingModel.find({ roomId }).sort({ startsAt: 1, _id: 1 });
}

/** A meeting's bids, in the order they came. */
export async function bidsOf(meetingId: string) {
  return MeetingBidModel.find({ meetingId }).sort({ createdAt: 1, _id: 1 }).lean();
}

/**
 * The actions a meeting shows: those written at it, and for its reflection round every action from earlier meetings
 * of the set that is still open or was answered at this one.
 */
export async function actionsForMeeting(meeting: MeetingRecord) {
  return MeetingActionModel.find({
    roomId: meeting.roomId,
    $or: [
      { meetingId: meeting._id },
      { status: 'open', createdAt: trusted({ $lt: meeting.startedAt ?? new Date() }) },
      { reflectedInMeetingId: meeting._id },
    ],
  })
    .sort({ createdAt: 1, _id: 1 })
    .lean();
}

/** A set's actions, optionally only one person's and only in one status. */
export async function actionsOf(roomId: string, filter: { ownerId?: string; status?: string }) {
  return MeetingActionModel.find({
    roomId,
    ...(filter.ownerId ? { ownerId: filter.ownerId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  })
    .sort({ createdAt: 1, _id: 1 })
    .lean();
}

/** Who was at a meeting. */
export async function attendanceOf(meetingId: string) {
  return MeetingAttendanceModel.find({ meetingId }).lean();
}

/** The typed questions the presenter marked helpful at a meeting. */
export async function helpfulQuestionIds(meetingId: string): Promise<string[]> {
  const rows = await MeetingHelpfulQuestionModel.find({ meetingId }, { messageId: 1 }).sort({ at: 1 }).lean();
  return rows.map((row) => String(row.messageId));
}

/** The notes presenters opted in to at a meeting. */
export async function notesOf(meetingId: string) {
  return MeetingNotesModel.find({ meetingId }).sort({ createdAt: 1 }).lean();
}
