import mongoose, { Schema } from 'mongoose';

const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    passwordHash: { type: String, required: true },
    displayName: { type: String, required: true },
    /** The organisation this person says they work for; see OrganisationAffiliation for whether it is confirmed. */
    organisationId: { type: Schema.Types.ObjectId, default: null },
    /** When the person showed they hold the mailbox (the sign-up link, an email change, or single sign-on). */
    emailVerifiedAt: { type: Date, default: null },
    /** A platform administrator (verifies any organisation); set only by the operator's `platform-admin` script. */
    platformAdmin: { type: Boolean, default: false },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

/** A person with an account. */
export const UserModel = mongoose.model('User', userSchema);
export type UserRecord = InstanceType<typeof UserModel>;
