import mongoose, { Schema } from 'mongoose';

const groundRulesAgreementSchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    revision: { type: Number, required: true },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
groundRulesAgreementSchema.index({ roomId: 1, revision: 1, userId: 1 }, { unique: true });

/** That a person agreed to one revision of a learning set's ground rules (insert-only; agreeing twice is one row). */
export const GroundRulesAgreementModel = mongoose.model('GroundRulesAgreement', groundRulesAgreementSchema);
