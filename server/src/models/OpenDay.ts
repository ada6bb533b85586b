import mongoose, { Schema } from 'mongoose';

const openDaySchema = new Schema(
  {
    communityId: { type: Schema.Types.ObjectId, required: true, index: true },
    roomId: { type: Schema.Types.ObjectId, required: true, index: true },
    /** The host's organisation (the scheduler's confirmed organisation), shown publicly. */
    hostOrganisationId: { type: Schema.Types.ObjectId, default: null },
    /** The public registration link's last part; unique, never reused. */
    slug: { type: String, required: true, unique: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    capacity: { type: Number, required: true },
    venue: { type: String, default: null },
    accessInformation: { type: String, default: null },
    onlineJoinUrl: { type: String, default: null },
    preReadDocumentIds: { type: [Schema.Types.ObjectId], default: [] },
    innovationId: { type: Schema.Types.ObjectId, default: null },
    safeguardingLead: {
      name: { type: String, required: true },
      email: { type: String, required: true },
      phone: { type: String, default: null },
    },
    whatItTook: {
      size: { type: String, default: '' },
      commissioning: { type: String, default: '' },
      staffing: { type: String, default: '' },
      cost: { type: String, default: '' },
      nonNegotiable: { type: String, default: '' },
      doDifferently: { type: String, default: '' },
    },
    contact: {
      type: new Schema(
        { name: String, email: String, role: { type: String, default: null } },
        { _id: false },
      ),
      default: null,
    },
    summary: { type: String, default: '' },
    recordingUrl: { type: String, default: null },
    /** The heading the host last said they were on, for "jump to where the host is". */
    hostHeadingId: { type: String, default: null },
    cancelledAt: { type: Date, default: null },
    personalDataDeletedAt: { type: Date, default: null },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

/** An open day: one open-day room, a window, places, and what visitors read before and take back after. */
export const OpenDayModel = mongoose.model('OpenDay', openDaySchema);
export type OpenDayRecord = InstanceType<typeof OpenDayModel>;
