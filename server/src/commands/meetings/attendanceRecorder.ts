import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { MeetingAttendanceModel } from '../../models/MeetingAttendance.ts';
import type { MeetingRecord } from '../../models/Meeting.ts';

/** Records that these people were seen live in the meeting; a hand correction already made is never overridden. */
export async function recordPresence(meeting: MeetingRecord, userIds: string[]): Promise<void> {
  await Promise.all(
    [...new Set(userIds)].map((userId) =>
      MeetingAttendanceModel.create({
        meetingId: meeting._id,
        roomId: meeting.roomId,
        userId,
        present: true,
        source: 'presence',
      }).catch((error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
      }),
    ),
  );
}

/** A facilitator's correction, for someone who joined by phone or in the room (or was marked in error). */
export async function correctAttendance(
  meeting: MeetingRecord,
  userId: string,
  present: boolean,
): Promise<void> {
  const fields = { present, source: 'manual', at: new Date() };
  try {
    await MeetingAttendanceModel.create({
      meetingId: meeting._id,
      roomId: meeting.roomId,
      userId,
      ...fields,
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await MeetingAttendanceModel.updateOne({ meetingId: meeting._id, userId }, { $set: fields });
  }
}
