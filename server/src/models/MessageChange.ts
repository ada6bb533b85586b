import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const messageChangeSchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true },
    /** Position in the room's change feed; unique per room so catch-up can read a gap-free run. */
    seq: { type: Number, required: true },
    /** The changed message; null for a filler whose real change record was lost. */
    messageId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
    lost: { type: Boolean, default: false },
  },
  { versionKey: false },
);
messageChangeSchema.index({ roomId: 1, seq: 1 }, { unique: true });

/** One entry in a room's change feed (edit, delete, hide, thread state), so reconnecting clients catch up on changes. */
export type MessageChangeRecord = InferSchemaType<typeof messageChangeSchema>;
export const MessageChangeModel = mongoose.model('MessageChange', messageChangeSchema);
