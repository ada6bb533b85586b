import mongoose, { Schema } from 'mongoose';

const groundRulesRevisionSchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true },
    revision: { type: Number, required: true },
    rules: { type: [String], required: true },
    /** Why everyone must agree again: the rules were rewritten, or someone joined. */
    reason: { type: String, required: true, enum: ['written', 'joined'] },
    by: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
groundRulesRevisionSchema.index({ roomId: 1, revision: 1 }, { unique: true });

/** One revision of a learning set's ground rules; the highest is in force. The unique index settles racing writers. */
export const GroundRulesRevisionModel = mongoose.model('GroundRulesRevision', groundRulesRevisionSchema);
