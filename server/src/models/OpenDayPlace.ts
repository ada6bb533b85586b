import mongoose, { Schema } from 'mongoose';

const openDayPlaceSchema = new Schema(
  {
    openDayId: { type: Schema.Types.ObjectId, required: true },
    /** 0 to capacity - 1: a place exists only as a unique (openDayId, slot) insert, so no race can overfill. */
    slot: { type: Number, required: true },
    registrationId: { type: Schema.Types.ObjectId, required: true },
  },
  { versionKey: false },
);
openDayPlaceSchema.index({ openDayId: 1, slot: 1 }, { unique: true });
openDayPlaceSchema.index({ openDayId: 1, registrationId: 1 }, { unique: true });

/** A place taken at an open day; a registration holds at most one, and a slot holds at most one registration. */
export const OpenDayPlaceModel = mongoose.model('OpenDayPlace', openDayPlaceSchema);
