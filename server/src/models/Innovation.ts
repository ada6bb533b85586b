import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { EVIDENCE_FINDINGS, EVIDENCE_KINDS, INNOVATION_STAGES } from '@common-ground/shared';

const text = { type: String, default: '' };

const coreFunctionSchema = new Schema(
  { id: { type: String, required: true }, title: { type: String, required: true }, achieves: text },
  { _id: false },
);

const adaptableFeatureSchema = new Schema(
  { id: { type: String, required: true }, title: { type: String, required: true }, why: text },
  { _id: false },
);

const evidenceSchema = new Schema(
  {
    id: { type: String, required: true },
    claim: { type: String, required: true },
    kind: { type: String, required: true, enum: EVIDENCE_KINDS },
    finding: { type: String, required: true, enum: EVIDENCE_FINDINGS },
    conditions: { type: String, default: null },
    cost: { type: String, default: null },
    source: { type: String, required: true },
    sourceUrl: { type: String, default: null },
    /** A calendar date, `YYYY-MM-DD`. */
    date: { type: String, required: true },
  },
  { _id: false },
);

const contextSchema = new Schema(
  { size: text, commissioning: text, staffing: text, cost: text, nonNegotiable: text, doDifferently: text },
  { _id: false },
);

const innovationSchema = new Schema(
  {
    communityId: { type: Schema.Types.ObjectId, required: true, index: true },
    sourceOrganisationId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    summary: { type: String, required: true },
    vision: text,
    coreFunctions: { type: [coreFunctionSchema], default: [] },
    adaptableFeatures: { type: [adaptableFeatureSchema], default: [] },
    fixedRequirements: { type: String, default: null },
    evidence: { type: [evidenceSchema], default: [] },
    context: { type: contextSchema, default: () => ({}) },
    contacts: { type: [Schema.Types.ObjectId], default: [] },
    stage: { type: String, required: true, enum: INNOVATION_STAGES },
    /** The number of the newest change in InnovationChange; the unique (innovationId, revision) there settles races. */
    revision: { type: Number, required: true, default: 1 },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
    updatedAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

/** An innovation profile in a community, owned by its source organisation. */
export const InnovationModel = mongoose.model('Innovation', innovationSchema);
export type InnovationRecord = InstanceType<typeof InnovationModel>;
export type InnovationFields = InferSchemaType<typeof innovationSchema>;
