import mongoose, { Schema } from 'mongoose';
import { REGISTRATION_STATUSES } from '@common-ground/shared';

const openDayRegistrationSchema = new Schema(
  {
    openDayId: { type: Schema.Types.ObjectId, required: true },
    /** Lower-cased; unique per open day, so the same address registering twice finds its own registration. */
    email: { type: String, required: true },
    displayName: { type: String, required: true },
    organisationId: { type: Schema.Types.ObjectId, default: null },
    organisationName: { type: String, required: true },
    /** True only when picked from the verified list; a typed name stays unverified. */
    organisationVerified: { type: Boolean, required: true },
    role: { type: String, required: true },
    context: { type: String, default: '' },
    wantToFindOut: { type: String, default: '' },
    adjustments: { type: String, default: '' },
    status: { type: String, required: true, enum: REGISTRATION_STATUSES },
    /** The visitor pass the emailed link opens; its token is replaced with each fresh email. */
    passId: { type: Schema.Types.ObjectId, required: true, unique: true },
    conversationOfferedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
openDayRegistrationSchema.index({ openDayId: 1, email: 1 }, { unique: true });
openDayRegistrationSchema.index({ openDayId: 1, status: 1, createdAt: 1 });

/** One person's registration for one open day: personal data, deleted after the after phase. */
export const OpenDayRegistrationModel = mongoose.model('OpenDayRegistration', openDayRegistrationSchema);
export type OpenDayRegistrationRecord = InstanceType<typeof OpenDayRegistrationModel>;
