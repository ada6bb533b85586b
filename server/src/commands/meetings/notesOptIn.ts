import { Types } from 'mongoose';
import * as Y from 'yjs';
import { CONTENT_FIELD, SET_MEETING_NOTES_TEMPLATE } from '@common-ground/shared';
import type { LiveDocuments } from '../../collaboration/LiveDocuments.ts';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { writeJsonContent } from '../../documentContent/writeJsonContent.ts';
import { AppError } from '../../errors.ts';
import { LearningDocumentModel } from '../../models/LearningDocument.ts';
import type { MeetingRecord } from '../../models/Meeting.ts';
import { MeetingNotesModel, type MeetingNotesRecord } from '../../models/MeetingNotes.ts';

/**
 * A presenter opts in to notes on their slot: a new co-edited document made from the set-meeting template, written by
 * the note-takers they choose. Opting in again changes who takes notes; the document stays.
 */
export async function optInToNotes(
  live: LiveDocuments,
  meeting: MeetingRecord,
  communityId: unknown,
  presenterId: string,
  noteTakerIds: string[],
): Promise<MeetingNotesRecord> {
  const existing = await MeetingNotesModel.findOne({ meetingId: meeting._id, presenterId });
  if (existing) {
    existing.set('noteTakerIds', noteTakerIds);
    await existing.save();
    return existing;
  }
  const documentId = new Types.ObjectId();
  let notes: MeetingNotesRecord;
  try {
    notes = await MeetingNotesModel.create({
      meetingId: meeting._id,
      roomId: meeting.roomId,
      presenterId,
      documentId,
      noteTakerIds,
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    throw new AppError('conflict', 'Your notes were just made: reload to see them.');
  }
  await LearningDocumentModel.create({
    _id: documentId,
    roomId: meeting.roomId,
    communityId,
    title: `Notes: ${meeting.title}`,
  });
  const doc = new Y.Doc();
  writeJsonContent(doc.getXmlFragment(CONTENT_FIELD), SET_MEETING_NOTES_TEMPLATE.content ?? []);
  await live.applyUpdate(String(documentId), Y.encodeStateAsUpdate(doc));
  return notes;
}
