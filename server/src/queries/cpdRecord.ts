import { trusted } from '../database/trusted.ts';
import { MeetingModel } from '../models/Meeting.ts';
import { MeetingActionModel } from '../models/MeetingAction.ts';
import { MeetingAttendanceModel } from '../models/MeetingAttendance.ts';

/** One member's own participation in a set: nothing in it names or quotes anyone else. */
export interface CpdRecord {
  meetings: { date: Date; presentingMinutes: number }[];
  totalPresentingMinutes: number;
  actions: { agreedAt: Date; text: string; reflection: string | null; reflectedAt: Date | null }[];
}

/**
 * Reads a member's CPD record of a set: the dates of the meetings they were at, the minutes of their own presenter
 * slots, and their own actions and reflections. Meeting titles are left out, since someone else wrote them.
 */
export async function cpdRecordOf(roomId: string, userId: string): Promise<CpdRecord> {
  const attended = await MeetingAttendanceModel.find(
    { roomId, userId, present: true },
    { meetingId: 1 },
  ).lean();
  const meetings = await MeetingModel.find({
    roomId,
    status: trusted({ $in: ['live', 'ended'] }),
    $or: [{ _id: trusted({ $in: attended.map((row) => row.meetingId) }) }, { 'stages.presenterId': userId }],
  })
    .sort({ startsAt: 1 })
    .lean();
  const rows = meetings.map((meeting) => ({
    date: meeting.startedAt ?? meeting.startsAt,
    presentingMinutes: meeting.stages
      .filter((stage) => stage.presenterId && String(stage.presenterId) === userId)
      .reduce((sum, stage) => sum + stage.minutes, 0),
  }));
  const actions = await MeetingActionModel.find({ roomId, ownerId: userId }).sort({ createdAt: 1 }).lean();
  return {
    meetings: rows,
    totalPresentingMinutes: rows.reduce((sum, row) => sum + row.presentingMinutes, 0),
    actions: actions.map((action) => ({
      agreedAt: action.createdAt,
      text: action.text,
      reflection: action.reflection ?? null,
      reflectedAt: action.reflectedAt ?? null,
    })),
  };
}
