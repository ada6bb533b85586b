import mongoose, { Schema } from 'mongoose';

const accountTokenUseSchema = new Schema(
  {
    /** The token's hash: the unique `_id` lets only one use win, on FerretDB as on MongoDB. */
    _id: { type: String, required: true },
    usedAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

/** The record that an account token was used; inserted once, since conditional updates are not atomic everywhere. */
export const AccountTokenUseModel = mongoose.model('AccountTokenUse', accountTokenUseSchema);
