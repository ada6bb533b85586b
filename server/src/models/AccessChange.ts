import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const accessChangeSchema = new Schema(
  {
    type: { type: String, required: true, enum: ['membership.changed', 'session.ended', 'pass.revoked'] },
    communityId: { type: String },
    userId: { type: String },
    sessionId: { type: String },
    passId: { type: String },
    at: { type: Date, required: true, default: () => new Date(), index: true },
  },
  { versionKey: false },
);

/** A record that someone's access changed, read by every server instance so open connections follow at once. */
export type AccessChangeRecord = InferSchemaType<typeof accessChangeSchema>;
export const AccessChange = mongoose.model('AccessChange', accessChangeSchema);
