import mongoose, { Schema } from 'mongoose';

const meetingNotesSchema = new Schema(
  {
    meetingId: { type: Schema.Types.ObjectId, required: true },
    roomId: { type: Schema.Types.ObjectId, required: true },
    presenterId: { type: Schema.Types.ObjectId, required: true },
    /** The co-edited document; reached through /collab like a room's own, under meetingNotesRole. */
    documentId: { type: Schema.Types.ObjectId, required: true, unique: true },
    noteTakerIds: { type: [Schema.Types.ObjectId], default: [] },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
meetingNotesSchema.index({ meetingId: 1, presenterId: 1 }, { unique: true });

/** A presenter's opt-in notes on their slot: nothing is written about a presenter's issue without one. */
export const MeetingNotesModel = mongoose.model('MeetingNotes', meetingNotesSchema);
export type MeetingNotesRecord = InstanceType<typeof MeetingNotesModel>;
