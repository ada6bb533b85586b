import mongoose, { Schema } from 'mongoose';
import { ORGANISATION_KINDS } from '@common-ground/shared';

const organisationSchema = new Schema(
  {
    name: { type: String, required: true },
    /** Lower-cased name for duplicate checks and search in application code. */
    nameKey: { type: String, required: true, unique: true },
    kind: { type: String, required: true, enum: ORGANISATION_KINDS },
    region: { type: String, default: null },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    /** Set by a community facilitator or platform administrator who checked it is who it says; null until then. */
    verifiedAt: { type: Date, default: null },
    verifiedBy: { type: Schema.Types.ObjectId, default: null },
    /** Its email domains, for display; each is claimed in OrganisationDomain, which settles who has it. */
    emailDomains: { type: [String], default: [] },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

/** A council, charity, provider, trust or school taking part. */
export const OrganisationModel = mongoose.model('Organisation', organisationSchema);
export type OrganisationRecord = InstanceType<typeof OrganisationModel>;
