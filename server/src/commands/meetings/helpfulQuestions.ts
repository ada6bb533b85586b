import { isValidObjectId } from 'mongoose';
import { AppError } from '../../errors.ts';
import { MeetingHelpfulQuestionModel } from '../../models/MeetingHelpfulQuestion.ts';
import type { MeetingRecord } from '../../models/Meeting.ts';
import { MessageModel } from '../../models/Message.ts';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';

/** Marks (or unmarks) a typed question in the set's discussion as one that helped the presenter. */
export async function markHelpful(
  meeting: MeetingRecord,
  userId: string,
  messageId: string,
  helpful: boolean,
): Promise<void> {
  if (!meeting.settings?.typedQuestions)
    throw new AppError('conflict', 'This meeting takes its questions spoken, not typed.');
  if (!isValidObjectId(messageId) || !(await MessageModel.exists({ _id: messageId, roomId: meeting.roomId })))
    throw new AppError('not_found', 'Question not found.');
  if (!helpful) {
    await MeetingHelpfulQuestionModel.deleteOne({ meetingId: meeting._id, messageId });
    return;
  }
  await MeetingHelpfulQuestionModel.create({
    meetingId: meeting._id,
    roomId: meeting.roomId,
    messageId,
    markedBy: userId,
  }).catch((error: unknown) => {
    if (!isDuplicateKey(error)) throw error;
  });
}
