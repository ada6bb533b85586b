import mongoose, { Schema } from 'mongoose';

const rateLimitCounterSchema = new Schema(
  {
    /** `${bucket}:${key}:${windowStart}` so every instance counts in the same document. */
    _id: { type: String, required: true },
    count: { type: Number, required: true, default: 0 },
    expiresAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

/** A fixed-window request counter shared by every server instance. */
export const RateLimitCounterModel = mongoose.model('RateLimitCounter', rateLimitCounterSchema);
