import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const documentSnapshotSchema = new Schema(
  {
    documentId: { type: Schema.Types.ObjectId, required: true },
    /** The snapshot covers every log entry with a seq up to and including this one. */
    seq: { type: Number, required: true },
    /** The document's full state as one Yjs update (v1 encoding). */
    state: { type: Buffer, required: true },
    bytes: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
documentSnapshotSchema.index({ documentId: 1, seq: -1 }, { unique: true });

/** A compacted state of a live document; loading reads the newest snapshot plus the log entries after it. */
export type DocumentSnapshotRecord = InferSchemaType<typeof documentSnapshotSchema>;
export const DocumentSnapshotModel = mongoose.model('DocumentSnapshot', documentSnapshotSchema);
