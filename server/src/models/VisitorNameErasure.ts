import mongoose, { Schema } from 'mongoose';

const visitorNameErasureSchema = new Schema(
  {
    /** The pass whose visitors' names are being erased; the unique `_id` lets one instance claim the work. */
    _id: { type: Schema.Types.ObjectId, required: true },
    claimedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

/** A claim on erasing the visitor names of one ended pass (insert-only: whoever inserts it does the work). */
export const VisitorNameErasureModel = mongoose.model('VisitorNameErasure', visitorNameErasureSchema);
