import mongoose, { Schema } from 'mongoose';

const rateLimitSlotSchema = new Schema(
  {
    /** `scope:sSLOT:vVERSION`: a unique insert is the only way to take a slot, on FerretDB as on MongoDB. */
    _id: { type: String, required: true },
    /** `bucket:key`: what is being limited (an account and network, an IP, ...). */
    scope: { type: String, required: true, index: true },
    slot: { type: Number, required: true },
    /** Each reuse of a slot is a new version, so two claimants of the same expired version cannot both win. */
    version: { type: Number, required: true },
    expiresAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

/** One hit held in a sliding rate-limit window, shared by every server instance. */
export const RateLimitSlotModel = mongoose.model('RateLimitSlot', rateLimitSlotSchema);
