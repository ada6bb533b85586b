import mongoose, { Schema } from 'mongoose';
import { DOCUMENT_VERSION_KINDS } from '@common-ground/shared';

const documentVersionSchema = new Schema(
  {
    documentId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true, enum: DOCUMENT_VERSION_KINDS },
    name: { type: String, required: true },
    /**
     * Deduplicates across server instances: automatic checkpoints share a slot per time window (so at most one is
     * stored per window whichever instance takes it); named and restore versions get a slot of their own.
     */
    slot: { type: String, required: true },
    /** The document's full state (Yjs update, v1 encoding) at this moment. */
    state: { type: Buffer, required: true },
    /** The state vector of `state`, to tell whether anything changed since. */
    stateVector: { type: Buffer, required: true },
    bytes: { type: Number, required: true },
    createdByUserId: { type: Schema.Types.ObjectId, default: null },
    createdByName: { type: String, default: null },
    restoredFromVersionId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
documentVersionSchema.index({ documentId: 1, slot: 1 }, { unique: true });
documentVersionSchema.index({ documentId: 1, createdAt: -1 });

/** A moment of a learning document kept for history: named by a facilitator, an automatic checkpoint, or a restore. */
export const DocumentVersionModel = mongoose.model('DocumentVersion', documentVersionSchema);
export type DocumentVersionRecord = InstanceType<typeof DocumentVersionModel>;
