import mongoose, { Schema } from 'mongoose';

const setEndingSchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true, unique: true },
    endedBy: { type: Schema.Types.ObjectId, required: true },
    endedAt: { type: Date, required: true },
    /** When the set's notes and discussion are deleted; its members' personal records stay. */
    deleteAfter: { type: Date, required: true, index: true },
    /** Set by the one instance whose unique claim won, once the content is gone. */
    purgedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

/** A learning set that ended, and how long its content is kept. */
export const SetEndingModel = mongoose.model('SetEnding', setEndingSchema);
