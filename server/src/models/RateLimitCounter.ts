import mongoose, { Schema } from 'mongoose';

const rateLimitCounterSchema = new Schema(
  {
    /** `${bucket}:${key}:${windowStart}:${slot}`: one document per allowed hit, shared by every instance. */
    _id: { type: String, required: true },
    count: { type: Number, required: true, default: 0 },
    expiresAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

/** A fixed-window request counter shared by every server instance (sliding windows use RateLimitSlot). */
export const RateLimitCounterModel = mongoose.model('RateLimitCounter', rateLimitCounterSchema);
