import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const documentUpdateSchema = new Schema(
  {
    documentId: { type: Schema.Types.ObjectId, required: true },
    /** Per-document sequence number; the unique index makes two writers of the same seq fail loudly. */
    seq: { type: Number, required: true },
    /** One Yjs update (v1 encoding): a group commit of every update that arrived while the previous write ran. */
    update: { type: Buffer, required: true },
    /** How many client update messages this entry merges. */
    count: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
documentUpdateSchema.index({ documentId: 1, seq: 1 }, { unique: true });

/** An entry of a live document's append-only update log, written before the update is relayed to anyone. */
export type DocumentUpdateRecord = InferSchemaType<typeof documentUpdateSchema>;
export const DocumentUpdateModel = mongoose.model('DocumentUpdate', documentUpdateSchema);
