import mongoose, { Schema, type InferSchemaType, type Types } from 'mongoose';
import { NOTIFICATION_KINDS } from '@common-ground/shared';

const notificationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true, enum: NOTIFICATION_KINDS },
    roomId: { type: Schema.Types.ObjectId, required: true },
    roomTitle: { type: String, required: true },
    messageId: { type: Schema.Types.ObjectId, required: true },
    threadId: { type: Schema.Types.ObjectId, default: null },
    actorId: { type: Schema.Types.ObjectId, required: true },
    actorName: { type: String, required: true },
    excerpt: { type: String, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
    readAt: { type: Date, default: null },
  },
  { versionKey: false },
);
notificationSchema.index({ userId: 1, createdAt: -1 });
notificationSchema.index({ userId: 1, kind: 1, messageId: 1 }, { unique: true });

/** An in-app notification for one person (a mention, or a reply to their question). */
export type NotificationRecord = InferSchemaType<typeof notificationSchema> & { _id: Types.ObjectId };
export const NotificationModel = mongoose.model('Notification', notificationSchema);
