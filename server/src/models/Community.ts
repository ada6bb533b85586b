import mongoose, { Schema } from 'mongoose';

const communitySchema = new Schema(
  {
    name: { type: String, required: true },
    purpose: { type: String, default: '' },
    /** The community-wide discussion space (a room of kind `community-space`). */
    spaceRoomId: { type: Schema.Types.ObjectId, default: null },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

/** A community of practice across organisations. */
export const CommunityModel = mongoose.model('Community', communitySchema);
export type CommunityRecord = InstanceType<typeof CommunityModel>;
