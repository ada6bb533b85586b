import mongoose, { Schema } from 'mongoose';

const affiliationSchema = new Schema(
  {
    organisationId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, required: true, enum: ['pending', 'confirmed'] },
    isAdmin: { type: Boolean, required: true, default: false },
    requestedAt: { type: Date, required: true, default: () => new Date() },
    confirmedBy: { type: Schema.Types.ObjectId, default: null },
    /** Asked automatically: the person's verified address is at one of the organisation's email domains. */
    byEmailDomain: { type: Boolean, default: false },
  },
  { versionKey: false },
);
affiliationSchema.index({ organisationId: 1, userId: 1 }, { unique: true });
affiliationSchema.index({ userId: 1 });

/** Someone's claim to work for an organisation, confirmed by that organisation's admins (its creator first). */
export const OrganisationAffiliationModel = mongoose.model('OrganisationAffiliation', affiliationSchema);
export type AffiliationRecord = InstanceType<typeof OrganisationAffiliationModel>;
