import mongoose, { Schema } from 'mongoose';

const openDayAttendanceSchema = new Schema(
  {
    openDayId: { type: Schema.Types.ObjectId, required: true },
    registrationId: { type: Schema.Types.ObjectId, required: true },
    firstSeenAt: { type: Date, required: true },
  },
  { versionKey: false },
);
openDayAttendanceSchema.index({ openDayId: 1, registrationId: 1 }, { unique: true });

/** That a registered visitor joined the live room (from presence); deleted with the registrations. */
export const OpenDayAttendanceModel = mongoose.model('OpenDayAttendance', openDayAttendanceSchema);
