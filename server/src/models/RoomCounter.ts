import mongoose, { Schema } from 'mongoose';

const roomCounterSchema = new Schema(
  {
    /** `${roomId}:messages` or `${roomId}:changes`. */
    _id: { type: String, required: true },
    /** The last sequence number handed out. */
    seq: { type: Number, required: true, default: 0 },
  },
  { versionKey: false },
);

/** Per-room sequence counters, incremented atomically so every instance hands out distinct numbers. */
export const RoomCounterModel = mongoose.model('RoomCounter', roomCounterSchema);
