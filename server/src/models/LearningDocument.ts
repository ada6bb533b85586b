import mongoose, { Schema } from 'mongoose';

const learningDocumentSchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true, index: true },
    communityId: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

/** A live learning document's metadata; its content lives in the collaboration store. */
export const LearningDocumentModel = mongoose.model('LearningDocument', learningDocumentSchema);
export type LearningDocumentRecord = InstanceType<typeof LearningDocumentModel>;
