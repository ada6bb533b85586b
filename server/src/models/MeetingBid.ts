import mongoose, { Schema } from 'mongoose';

const meetingBidSchema = new Schema(
  {
    meetingId: { type: Schema.Types.ObjectId, required: true },
    roomId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    minutes: { type: Number, required: true },
    topic: { type: String, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
meetingBidSchema.index({ meetingId: 1, userId: 1 }, { unique: true });

/** A member's bid for time at one meeting (one each; bidding again changes it). */
export const MeetingBidModel = mongoose.model('MeetingBid', meetingBidSchema);
export type MeetingBidRecord = InstanceType<typeof MeetingBidModel>;
