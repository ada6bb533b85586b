import mongoose, { Schema, Types } from 'mongoose';
import { JOURNEY_EVENT_KINDS } from '@common-ground/shared';

const journeyEventSchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true, enum: JOURNEY_EVENT_KINDS },
    at: { type: Date, required: true },
    title: { type: String, required: true },
    note: { type: String, default: '' },
    organisationId: { type: Schema.Types.ObjectId, default: null },
    actorId: { type: Schema.Types.ObjectId, default: null },
    /** Set by callers that may report the same happening twice (a meeting announced by several instances). */
    key: { type: String, required: true, default: () => new Types.ObjectId().toHexString() },
  },
  { versionKey: false },
);
journeyEventSchema.index({ roomId: 1, at: -1 });
// Unique per room: a happening reported twice is stored once; events without a key of their own get a fresh one.
journeyEventSchema.index({ roomId: 1, key: 1 }, { unique: true });

/** Something that happened on a partnership's journey by itself: a logged contact, a meeting, a sponsor change. */
export const JourneyEventModel = mongoose.model('JourneyEvent', journeyEventSchema);
export type JourneyEventRecord = InstanceType<typeof JourneyEventModel>;
