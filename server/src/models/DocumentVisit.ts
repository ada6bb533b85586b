import mongoose, { Schema } from 'mongoose';

const documentVisitSchema = new Schema(
  {
    documentId: { type: Schema.Types.ObjectId, required: true },
    /** A user's id, or an open-day visitor's id (visitors see what changed too). */
    viewerId: { type: String, required: true },
    visitedAt: { type: Date, required: true },
    /** The document's state vector at the visit: equal vectors mean nothing changed. */
    stateVector: { type: Buffer, required: true },
    /** The document's text blocks at the visit, each under its section heading, to summarise what changed. */
    blocks: { type: [{ _id: false, section: String, text: String }], default: [] },
  },
  { versionKey: false },
);
documentVisitSchema.index({ documentId: 1, viewerId: 1 }, { unique: true });

/** When a person last looked at a learning document, and what it said then. */
export const DocumentVisitModel = mongoose.model('DocumentVisit', documentVisitSchema);
export type DocumentVisitRecord = InstanceType<typeof DocumentVisitModel>;
