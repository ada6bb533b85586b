import { trusted } from '../database/trusted.ts';
import { isDuplicateKey } from '../database/isDuplicateKey.ts';
import type { Logger } from '../logger.ts';
import { DocumentSnapshotModel } from '../models/DocumentSnapshot.ts';
import { DocumentUpdateModel } from '../models/DocumentUpdate.ts';
import { DocumentVersionModel } from '../models/DocumentVersion.ts';
import { LearningDocumentModel } from '../models/LearningDocument.ts';
import { MeetingBidModel } from '../models/MeetingBid.ts';
import { MeetingHelpfulQuestionModel } from '../models/MeetingHelpfulQuestion.ts';
import { MessageChangeModel } from '../models/MessageChange.ts';
import { MessageModel } from '../models/Message.ts';
import { NotificationModel } from '../models/Notification.ts';
import { RoomModel } from '../models/Room.ts';
import { SetEndingModel } from '../models/SetEnding.ts';
import { SetPurgeClaimModel } from '../models/SetPurgeClaim.ts';

/** How often each instance looks for ended sets whose content is due to go. */
export const SET_RETENTION_INTERVAL_MS = 60 * 60_000;

/**
 * Deletes the notes and discussion of every ended set past its keeping time: its messages, its documents' content and
 * versions, bid topics and marked questions. Meetings' dates and stages, actions, reflections and attendance stay:
 * they are the members' personal records. Each set is claimed by a unique insert, so with several instances running
 * the job exactly one deletes it. Returns the ids of the sets this call purged.
 */
export async function purgeEndedSets(now = new Date()): Promise<string[]> {
  const due = await SetEndingModel.find({ deleteAfter: trusted({ $lte: now }), purgedAt: null }).lean();
  const purged: string[] = [];
  for (const ending of due) {
    const roomId = String(ending.roomId);
    try {
      await SetPurgeClaimModel.create({ roomId });
    } catch (error) {
      if (isDuplicateKey(error)) continue;
      throw error;
    }
    await purgeSetContent(roomId);
    await SetEndingModel.updateOne({ roomId }, { $set: { purgedAt: new Date() } });
    purged.push(roomId);
  }
  return purged;
}

async function purgeSetContent(roomId: string): Promise<void> {
  const room = await RoomModel.findById(roomId).lean();
  const documents = await LearningDocumentModel.find({ roomId }, { _id: 1 }).lean();
  const documentIds = [...documents.map((document) => document._id), ...(room ? [room.documentId] : [])];
  const inDocuments = { documentId: trusted({ $in: documentIds }) };
  await Promise.all([
    MessageModel.deleteMany({ roomId }),
    MessageChangeModel.deleteMany({ roomId }),
    NotificationModel.deleteMany({ roomId }),
    DocumentUpdateModel.deleteMany(inDocuments),
    DocumentSnapshotModel.deleteMany(inDocuments),
    DocumentVersionModel.deleteMany(inDocuments),
    MeetingBidModel.deleteMany({ roomId }),
    MeetingHelpfulQuestionModel.deleteMany({ roomId }),
  ]);
}

/** Runs {@link purgeEndedSets} every hour on this instance; returns the function that stops it. */
export function startSetRetention(logger: Logger): () => void {
  const timer = setInterval(() => {
    purgeEndedSets().then(
      (purged) => purged.length && logger.info({ purged }, 'deleted the content of ended learning sets'),
      (error: unknown) => logger.warn({ err: error }, 'set retention failed; will try again'),
    );
  }, SET_RETENTION_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
