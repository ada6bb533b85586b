import mongoose, { Schema } from 'mongoose';
import { ACTION_STATUSES } from '@common-ground/shared';

const meetingActionSchema = new Schema(
  {
    meetingId: { type: Schema.Types.ObjectId, required: true },
    roomId: { type: Schema.Types.ObjectId, required: true },
    ownerId: { type: Schema.Types.ObjectId, required: true },
    text: { type: String, required: true },
    status: { type: String, required: true, enum: ACTION_STATUSES, default: 'open' },
    reflection: { type: String, default: null },
    /** The meeting whose reflection round answered it. */
    reflectedInMeetingId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
    reflectedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
meetingActionSchema.index({ roomId: 1, ownerId: 1, createdAt: 1 });
meetingActionSchema.index({ meetingId: 1 });

/** An action a presenter owns, and later their reflection on it: part of their personal record, kept after a set ends. */
export const MeetingActionModel = mongoose.model('MeetingAction', meetingActionSchema);
export type MeetingActionRecord = InstanceType<typeof MeetingActionModel>;
