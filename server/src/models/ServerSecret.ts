import mongoose, { Schema } from 'mongoose';

const serverSecretSchema = new Schema(
  {
    /** What the secret signs, e.g. `unsubscribe`. */
    _id: { type: String, required: true },
    /** 32 random bytes, base64url. */
    value: { type: String, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

/**
 * A random secret made once for the whole deployment (the first instance to need it inserts it; the others read the
 * winner), so every instance signs and checks the same links without another setting to configure.
 */
export const ServerSecretModel = mongoose.model('ServerSecret', serverSecretSchema);
