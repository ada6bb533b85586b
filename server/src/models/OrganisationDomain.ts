import mongoose, { Schema } from 'mongoose';

const organisationDomainSchema = new Schema(
  {
    /** The domain, lower case: the unique `_id` lets one organisation hold it, however requests race. */
    _id: { type: String, required: true },
    organisationId: { type: Schema.Types.ObjectId, required: true, index: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

/** An email domain an organisation says is its own; people with verified addresses there ask to join it. */
export const OrganisationDomainModel = mongoose.model('OrganisationDomain', organisationDomainSchema);
