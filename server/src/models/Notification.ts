import mongoose, { Schema, type InferSchemaType, type Types } from 'mongoose';
import { NOTIFICATION_KINDS } from '@common-ground/shared';

const notificationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true, enum: NOTIFICATION_KINDS },
    roomId: { type: Schema.Types.ObjectId, default: null },
    roomTitle: { type: String, default: '' },
    /** The message; for a join request, the affiliation asked for, so one request notifies each admin once. */
    messageId: { type: Schema.Types.ObjectId, required: true },
    /** A join request's organisation. */
    organisationId: { type: Schema.Types.ObjectId, default: null },
    organisationName: { type: String, default: null },
    threadId: { type: Schema.Types.ObjectId, default: null },
    actorId: { type: Schema.Types.ObjectId, required: true },
    actorName: { type: String, required: true },
    excerpt: { type: String, default: '' },
    createdAt: { type: Date, required: true, default: () => new Date() },
    readAt: { type: Date, default: null },
  },
  { versionKey: false },
);
notificationSchema.index({ userId: 1, createdAt: -1 });
notificationSchema.index({ userId: 1, kind: 1, messageId: 1 }, { unique: true });

/** An in-app notification for one person (a mention, a reply to their question, or a request to join). */
export type NotificationRecord = InferSchemaType<typeof notificationSchema> & { _id: Types.ObjectId };
export const NotificationModel = mongoose.model('Notification', notificationSchema);
