import mongoose, { Schema } from 'mongoose';

const meetingAttendanceSchema = new Schema(
  {
    meetingId: { type: Schema.Types.ObjectId, required: true },
    roomId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    present: { type: Boolean, required: true },
    /** `presence`: seen live in the meeting; `manual`: a facilitator's correction, which presence never overrides. */
    source: { type: String, required: true, enum: ['presence', 'manual'] },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
meetingAttendanceSchema.index({ meetingId: 1, userId: 1 }, { unique: true });
meetingAttendanceSchema.index({ roomId: 1, userId: 1 });

/** Whether someone was at a meeting. */
export const MeetingAttendanceModel = mongoose.model('MeetingAttendance', meetingAttendanceSchema);
