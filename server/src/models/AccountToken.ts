import mongoose, { Schema } from 'mongoose';

const accountTokenSchema = new Schema(
  {
    /** SHA-256 of the token in the emailed link; the token itself is never stored. */
    _id: { type: String, required: true },
    purpose: { type: String, required: true, enum: ['password-reset', 'email-change', 'email-verify'] },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    /** For an email change, the address it moves the account to; for a verification, the address it verifies. */
    newEmail: { type: String, default: null },
    expiresAt: { type: Date, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

/** A link emailed to prove someone holds a mailbox: a password reset, or the confirmation of a new address. */
export const AccountTokenModel = mongoose.model('AccountToken', accountTokenSchema);
export type AccountTokenRecord = InstanceType<typeof AccountTokenModel>;
