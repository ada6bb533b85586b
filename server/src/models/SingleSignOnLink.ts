import mongoose, { Schema } from 'mongoose';

const singleSignOnLinkSchema = new Schema(
  {
    /** `issuer subject`: who the OpenID Connect provider says this is; unique, so one identity links one account. */
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    /** The address the provider gave when the link was made (kept for the audit trail). */
    email: { type: String, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

/** Which account an identity at the single sign-on provider signs in to. */
export const SingleSignOnLinkModel = mongoose.model('SingleSignOnLink', singleSignOnLinkSchema);
