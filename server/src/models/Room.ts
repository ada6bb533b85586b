import mongoose, { Schema } from 'mongoose';
import { ALL_ROOM_KINDS, ROOM_VISIBILITIES } from '@common-ground/shared';

const roomSchema = new Schema(
  {
    communityId: { type: Schema.Types.ObjectId, required: true, index: true },
    kind: { type: String, required: true, enum: ALL_ROOM_KINDS },
    title: { type: String, required: true },
    /** The room's primary live document. */
    documentId: { type: Schema.Types.ObjectId, required: true, unique: true },
    sourceOrganisationId: { type: Schema.Types.ObjectId, default: null },
    recipientOrganisationIds: { type: [Schema.Types.ObjectId], default: [] },
    /** The innovation a partnership spreads; one source may partner several sites with the same innovation. */
    innovationId: { type: Schema.Types.ObjectId, default: null, index: true },
    /** Rooms stored before partners-only rooms existed read as 'community', as they behaved then. */
    visibility: { type: String, enum: ROOM_VISIBILITIES, default: 'community' },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

/** A learning set, partnership or open day inside a community. */
export const RoomModel = mongoose.model('Room', roomSchema);
export type RoomRecord = InstanceType<typeof RoomModel>;
