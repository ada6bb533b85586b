import mongoose, { Schema } from 'mongoose';

const sequenceHintSchema = new Schema(
  {
    /** `${roomId}:messages` or `${roomId}:changes`. */
    _id: { type: String, required: true },
    /** A number known to be stored in the sequence; never above the highest one stored. */
    seq: { type: Number, required: true, default: 0 },
  },
  { versionKey: false },
);

/**
 * Where to start looking for a room sequence's next free number, read by `_id` so a send need not scan the room.
 * Only a hint: it may lag behind (its `$max` is not atomic on every backend), never run ahead, and the unique
 * `(roomId, seq)` index decides (see sequencing/roomSequence.ts).
 */
export const SequenceHintModel = mongoose.model('SequenceHint', sequenceHintSchema);
