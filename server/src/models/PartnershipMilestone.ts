import mongoose, { Schema } from 'mongoose';
import { MILESTONE_KINDS } from '@common-ground/shared';

const milestoneSchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true, index: true },
    kind: { type: String, required: true, enum: MILESTONE_KINDS },
    title: { type: String, required: true },
    /** Calendar dates, `YYYY-MM-DD`. */
    plannedFor: { type: String, default: null },
    reachedAt: { type: String, default: null },
    note: { type: String, default: '' },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

/** A milestone on a partnership's journey, planned or reached, edited by the partnership's people. */
export const PartnershipMilestoneModel = mongoose.model('PartnershipMilestone', milestoneSchema);
export type PartnershipMilestoneRecord = InstanceType<typeof PartnershipMilestoneModel>;
