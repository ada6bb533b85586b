import mongoose, { Schema } from 'mongoose';

const setRosterSchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true, unique: true },
    /**
     * For a set that existed before sets had their own people: the community members who joined by then are listed
     * with their community roles. Null for a set created with its list (its creator only).
     */
    backfillCutoff: { type: Date, default: null },
    /** When one instance finished the backfill; later checks then stop at this document. */
    backfilledAt: { type: Date, default: null },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

/**
 * That a learning set's list of people exists. The first instance to insert it decides the backfill's cutoff; every
 * instance then fills the list from that same cutoff with unique inserts, so running it again changes nothing.
 */
export const SetRosterModel = mongoose.model('SetRoster', setRosterSchema);
