import mongoose, { Schema } from 'mongoose';
import { REFLECTION_ANONYMITY, SOCIAL_DISCIPLINE_TAGS } from '@common-ground/shared';

const reflectionSchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true, index: true },
    communityId: { type: Schema.Types.ObjectId, required: true },
    authorId: { type: Schema.Types.ObjectId, required: true },
    authorName: { type: String, required: true },
    authorOrganisationId: { type: Schema.Types.ObjectId, default: null },
    authorOrganisationName: { type: String, default: null },
    hoped: { type: String, required: true },
    happened: { type: String, required: true },
    madeSense: { type: String, required: true },
    learned: { type: String, required: true },
    doDifferently: { type: String, required: true },
    workingWith: { type: String, default: '' },
    tags: { type: [String], enum: SOCIAL_DISCIPLINE_TAGS, default: [] },
    anonymity: { type: String, required: true, enum: REFLECTION_ANONYMITY },
    sharedWithCommunity: { type: Boolean, default: false },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
reflectionSchema.index({ communityId: 1, sharedWithCommunity: 1, createdAt: -1 });

/** A reflection on what did and did not work, in SCIE's Learning Together questions; withdrawn by deleting it. */
export const ReflectionModel = mongoose.model('Reflection', reflectionSchema);
export type ReflectionRecord = InstanceType<typeof ReflectionModel>;
