import mongoose, { Schema } from 'mongoose';
import {
  ADAPTATION_CHOICES,
  ADAPTATION_ITEM_KINDS,
  SETTLEMENTS,
  STILL_ACHIEVES,
} from '@common-ground/shared';

const adaptationEntrySchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true },
    recipientOrganisationId: { type: Schema.Types.ObjectId, required: true },
    /** The core function's or adaptable feature's id in the innovation profile. */
    itemId: { type: String, required: true },
    itemKind: { type: String, required: true, enum: ADAPTATION_ITEM_KINDS },
    choice: { type: String, enum: ADAPTATION_CHOICES, default: null },
    whatChanged: { type: String, default: '' },
    why: { type: String, default: '' },
    localContext: { type: String, default: '' },
    familiesSaid: { type: String, default: '' },
    stillAchieves: { type: String, enum: STILL_ACHIEVES, default: null },
    sourceReply: { type: String, default: '' },
    recipientSettlement: { type: String, enum: SETTLEMENTS, default: null },
    sourceSettlement: { type: String, enum: SETTLEMENTS, default: null },
    updatedAt: { type: Date, required: true, default: () => new Date() },
    updatedBy: { type: Schema.Types.ObjectId, required: true },
  },
  { versionKey: false },
);
adaptationEntrySchema.index({ roomId: 1, recipientOrganisationId: 1, itemId: 1 }, { unique: true });

/** One recipient's adaptation of one core function or adaptable feature, with the source's reply. */
export const AdaptationEntryModel = mongoose.model('AdaptationEntry', adaptationEntrySchema);
export type AdaptationEntryRecord = InstanceType<typeof AdaptationEntryModel>;
