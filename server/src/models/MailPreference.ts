import mongoose, { Schema } from 'mongoose';
import { DIGEST_FREQUENCIES } from '@common-ground/shared';

const mailPreferenceSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true, unique: true },
    mentionEmails: { type: Boolean, required: true, default: true },
    joinRequestEmails: { type: Boolean, required: true, default: true },
    digest: { type: String, required: true, enum: DIGEST_FREQUENCIES, default: 'weekly' },
    updatedAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
mailPreferenceSchema.index({ digest: 1 });

/**
 * Which optional emails one person wants. A person without a document has the defaults (mention emails on, a weekly
 * digest), so only people who changed something have one.
 */
export const MailPreferenceModel = mongoose.model('MailPreference', mailPreferenceSchema);
