import mongoose, { Schema } from 'mongoose';

const sponsorSchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true },
    organisationId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    jobTitle: { type: String, required: true },
    since: { type: Date, required: true },
    namedBy: { type: Schema.Types.ObjectId, required: true },
  },
  { versionKey: false },
);
sponsorSchema.index({ roomId: 1, organisationId: 1 }, { unique: true });

/** The senior sponsor one organisation names for its side of a partnership. */
export const PartnershipSponsorModel = mongoose.model('PartnershipSponsor', sponsorSchema);
export type PartnershipSponsorRecord = InstanceType<typeof PartnershipSponsorModel>;
