import mongoose, { Schema } from 'mongoose';

const jobRunSchema = new Schema(
  {
    /** `job:subject`, e.g. `openDayDataDeletion:<openDayId>`: the unique `_id` lets one instance claim the work. */
    _id: { type: String, required: true },
    instance: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

/** A claim on one piece of scheduled work, so several instances never do it twice. */
export const JobRunModel = mongoose.model('JobRun', jobRunSchema);
