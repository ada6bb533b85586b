import mongoose, { Schema } from 'mongoose';

const sessionSchema = new Schema(
  {
    /** SHA-256 of the cookie's token; a stolen database copy holds no live session ids. */
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: ['user', 'visitor'] },
    userId: { type: Schema.Types.ObjectId, default: null, index: true },
    /** For visitors: their name, pass and room. */
    visitorId: { type: Schema.Types.ObjectId, default: null },
    visitorName: { type: String, default: null },
    passId: { type: Schema.Types.ObjectId, default: null, index: true },
    roomId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
    lastSeenAt: { type: Date, required: true, default: () => new Date() },
    /** Idle expiry, pushed forward as the session is used. */
    idleExpiresAt: { type: Date, required: true },
    /** Absolute expiry, never extended. */
    expiresAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

/** A signed-in user's or an open-day visitor's session, stored server-side and expired in application code. */
export const SessionModel = mongoose.model('Session', sessionSchema);
export type SessionRecord = InstanceType<typeof SessionModel>;
