import mongoose, { Schema } from 'mongoose';

const digestClaimSchema = new Schema(
  {
    /** `${userId}:${period}:${attempt}`: the unique insert that decides which instance sends this attempt. */
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    /** The digest period, e.g. `daily:2026-11-30` or `weekly:2026-11-30` (the Monday that starts the week). */
    period: { type: String, required: true },
    /** 0 for the first try; a failed send may be retried under the next number, by one instance again. */
    attempt: { type: Number, required: true },
    outcome: { type: String, required: true, enum: ['claimed', 'sent', 'empty', 'failed'] },
    claimedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
digestClaimSchema.index({ period: 1, outcome: 1 });
digestClaimSchema.index({ userId: 1, period: 1 });
digestClaimSchema.index({ claimedAt: 1 });

/** One instance's claim to send one person's digest for one period (see digest/DigestSchedule.ts). */
export const DigestClaimModel = mongoose.model('DigestClaim', digestClaimSchema);
