import mongoose, { Schema } from 'mongoose';

const rateLimitCounterSchema = new Schema(
  {
    /** One document per allowed hit, shared by every instance: `bucket:key:windowStart:slot` (fixed windows) or
     *  `bucket:key:sSLOT` (sliding windows, each slot held until `expiresAt`). */
    _id: { type: String, required: true },
    count: { type: Number, required: true, default: 0 },
    expiresAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

/** Rate-limit slots shared by every server instance. */
export const RateLimitCounterModel = mongoose.model('RateLimitCounter', rateLimitCounterSchema);
