import mongoose, { Schema } from 'mongoose';
import { MEETING_STATUSES, STAGE_KINDS } from '@common-ground/shared';

const stageSchema = new Schema(
  {
    id: { type: String, required: true },
    kind: { type: String, required: true, enum: STAGE_KINDS },
    title: { type: String, required: true },
    minutes: { type: Number, required: true },
    presenterId: { type: Schema.Types.ObjectId, default: null },
  },
  { _id: false },
);

const timerSchema = new Schema(
  {
    stageId: { type: String, required: true },
    startedAt: { type: Date, required: true },
    pausedAt: { type: Date, default: null },
    durationSeconds: { type: Number, required: true },
  },
  { _id: false },
);

const meetingSchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true },
    communityId: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true },
    startsAt: { type: Date, required: true },
    status: { type: String, required: true, enum: MEETING_STATUSES, default: 'scheduled' },
    stages: { type: [stageSchema], default: [] },
    currentStageId: { type: String, default: null },
    timer: { type: timerSchema, default: null },
    clockHidden: { type: Boolean, default: false },
    settings: { typedQuestions: { type: Boolean, default: false } },
    /** A member a facilitator handed this meeting to; null while the set's facilitators run it. */
    runnerId: { type: Schema.Types.ObjectId, default: null },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
    startedAt: { type: Date, default: null },
    endedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
meetingSchema.index({ roomId: 1, startsAt: 1 });

/** A learning set's meeting: its process board (stages, current stage), the server's clock and its settings. */
export const MeetingModel = mongoose.model('Meeting', meetingSchema);
export type MeetingRecord = InstanceType<typeof MeetingModel>;
