import mongoose, { Schema } from 'mongoose';
import { INNOVATION_FIELDS } from '@common-ground/shared';

const fieldChangeSchema = new Schema(
  {
    field: { type: String, required: true, enum: INNOVATION_FIELDS },
    /** What changed, in words: "Stage: Developing → Evidenced", "Added evidence: …". */
    summary: { type: String, required: true },
  },
  { _id: false },
);

const innovationChangeSchema = new Schema(
  {
    innovationId: { type: Schema.Types.ObjectId, required: true },
    /** 1 for the creation, then one more per change; unique per innovation, so of two racing edits one wins. */
    revision: { type: Number, required: true },
    changedBy: { type: Schema.Types.ObjectId, required: true },
    changedAt: { type: Date, required: true, default: () => new Date() },
    changes: { type: [fieldChangeSchema], default: [] },
  },
  { versionKey: false },
);
innovationChangeSchema.index({ innovationId: 1, revision: 1 }, { unique: true });

/** One entry in an innovation's visible history: who changed which fields, and when. */
export const InnovationChangeModel = mongoose.model('InnovationChange', innovationChangeSchema);
export type InnovationChangeRecord = InstanceType<typeof InnovationChangeModel>;
