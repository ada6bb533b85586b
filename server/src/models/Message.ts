import mongoose, { Schema, type InferSchemaType, type Types } from 'mongoose';

const messageSchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true },
    /** Position in the room, rising by exactly one; unique per room, which is what keeps it gap- and duplicate-free. */
    seq: { type: Number, required: true },
    /** The thread starter this replies to; null for a thread starter. */
    threadId: { type: Schema.Types.ObjectId, default: null },
    authorId: { type: Schema.Types.ObjectId, required: true },
    authorName: { type: String, required: true },
    authorOrganisationId: { type: Schema.Types.ObjectId, default: null },
    authorOrganisationName: { type: String, default: null },
    /** Whether that organisation is verified; kept in step when it is verified or not (organisationVerifier). */
    authorOrganisationVerified: { type: Boolean, default: false },
    /** The client's idempotency key, so a retried send never makes a second message. */
    clientMessageId: { type: String, required: true },
    body: { type: String, default: '' },
    mentions: { type: [Schema.Types.ObjectId], default: [] },
    createdAt: { type: Date, required: true, default: () => new Date() },
    editedAt: { type: Date, default: null },
    deleted: { type: Boolean, default: false },
    hidden: { type: Boolean, default: false },
    hiddenBy: { type: Schema.Types.ObjectId, default: null },
    /** The room change sequence number of the latest change to this message (0: never changed). */
    version: { type: Number, default: 0 },
    question: { type: Boolean, default: false },
    answeredAt: { type: Date, default: null },
    answerMessageId: { type: Schema.Types.ObjectId, default: null },
    locked: { type: Boolean, default: false },
    /** A filler for a sequence number whose real insert was lost (see appendInSequence); shown as deleted. */
    lost: { type: Boolean, default: false },
  },
  { versionKey: false },
);
messageSchema.index({ roomId: 1, seq: 1 }, { unique: true });
messageSchema.index({ roomId: 1, authorId: 1, clientMessageId: 1 }, { unique: true });

/** One message in a room's discussion (thread starters carry the thread's question/answered/locked state). */
export type MessageRecord = InferSchemaType<typeof messageSchema> & { _id: Types.ObjectId };
export const MessageModel = mongoose.model('Message', messageSchema);
