import mongoose, { Schema } from 'mongoose';

const visitorPassSchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true, index: true },
    label: { type: String, required: true },
    /** SHA-256 of the token in the link; the token itself is never stored. */
    tokenHash: { type: String, required: true, unique: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    visits: { type: Number, required: true, default: 0 },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
    /** For an open-day registration's pass: its open day, and the live window in which it admits to the room. */
    openDayId: { type: Schema.Types.ObjectId, default: null },
    liveFrom: { type: Date, default: null },
    liveUntil: { type: Date, default: null },
    /** When the names its visitors gave were erased, after it ended (jobs/visitorNameEraser). */
    namesErasedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

/** A link that lets open-day visitors without an account watch one room, read-only, until it expires or is revoked. */
export const VisitorPassModel = mongoose.model('VisitorPass', visitorPassSchema);
export type VisitorPassRecord = InstanceType<typeof VisitorPassModel>;
