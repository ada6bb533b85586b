import type { MeetingBidPayload } from '@common-ground/shared';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { MeetingBidModel } from '../../models/MeetingBid.ts';
import type { MeetingRecord } from '../../models/Meeting.ts';

/** Places or changes someone's one bid for time at a meeting; the unique (meeting, person) settles races. */
export async function placeBid(meeting: MeetingRecord, userId: string, payload: MeetingBidPayload) {
  const fields = { minutes: payload.minutes, topic: payload.topic ?? null };
  try {
    return await MeetingBidModel.create({
      meetingId: meeting._id,
      roomId: meeting.roomId,
      userId,
      ...fields,
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await MeetingBidModel.updateOne({ meetingId: meeting._id, userId }, { $set: fields });
    return (await MeetingBidModel.findOne({ meetingId: meeting._id, userId }))!;
  }
}
