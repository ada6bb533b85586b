import mongoose, { Schema, type InferSchemaType } from 'mongoose';

/** The `scope` of a person's marker for a whole room (other markers are per thread). */
export const ROOM_SCOPE = 'room';

const readMarkerSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    roomId: { type: Schema.Types.ObjectId, required: true },
    /** `room` for the whole room, otherwise the thread starter's id. */
    scope: { type: String, required: true },
    lastReadSeq: { type: Number, required: true, default: 0 },
    updatedAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
readMarkerSchema.index({ userId: 1, roomId: 1, scope: 1 }, { unique: true });

/** Where a person has read up to in a room or one of its threads; unread counts are measured from it. */
export type ReadMarkerRecord = InferSchemaType<typeof readMarkerSchema>;
export const ReadMarkerModel = mongoose.model('ReadMarker', readMarkerSchema);
