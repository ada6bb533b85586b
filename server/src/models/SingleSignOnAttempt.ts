import mongoose, { Schema } from 'mongoose';

const singleSignOnAttemptSchema = new Schema(
  {
    /** SHA-256 of the `state` sent to the provider; the state itself lives only in the browser's cookie and the URL. */
    _id: { type: String, required: true },
    /** The PKCE code verifier, whose challenge went to the provider. */
    codeVerifier: { type: String, required: true },
    /** The nonce the ID token must carry. */
    nonce: { type: String, required: true },
    /** Where in the product to land afterwards (a path on this site). */
    next: { type: String, default: null },
    expiresAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

/**
 * One sign-in started at the OpenID Connect provider, kept in the database (not in one instance's memory) so the
 * provider may send the browser back to any instance; deleted when used, so each works once.
 */
export const SingleSignOnAttemptModel = mongoose.model('SingleSignOnAttempt', singleSignOnAttemptSchema);
