import { Types } from 'mongoose';
import { defaultVisibility, isClosedRoom, type CreateRoomBody } from '@common-ground/shared';
import { AppError } from '../errors.ts';
import { LearningDocumentModel } from '../models/LearningDocument.ts';
import { OrganisationModel } from '../models/Organisation.ts';
import { RoomModel, type RoomRecord } from '../models/Room.ts';
import { trusted } from '../database/trusted.ts';
import { checkInnovationFits } from './partnerships/checkInnovationFits.ts';
import { startSetRoster } from './learningSets/setRoster.ts';

/**
 * Creates a room and its primary live document; a partnership's organisations must exist. A learning set starts with
 * its own list of people: its creator, as facilitator.
 */
export async function createRoom(
  userId: string,
  communityId: string,
  body: CreateRoomBody,
): Promise<RoomRecord> {
  const organisationIds = [body.sourceOrganisationId, ...(body.recipientOrganisationIds ?? [])].filter(
    (id): id is string => Boolean(id),
  );
  const unique = [...new Set(organisationIds)];
  if (unique.length !== organisationIds.length) {
    throw new AppError('validation_failed', 'Each organisation can appear only once.', {
      fields: { recipientOrganisationIds: 'Each organisation can appear only once' },
    });
  }
  if (unique.length) {
    const found = await OrganisationModel.countDocuments({ _id: trusted({ $in: unique }) });
    if (found !== unique.length) {
      throw new AppError('validation_failed', 'One of the organisations does not exist.', {
        fields: { recipientOrganisationIds: 'Choose organisations that exist' },
      });
    }
  }
  if (body.innovationId) await checkInnovationFits(communityId, body.innovationId, body.sourceOrganisationId);
  const roomId = new Types.ObjectId();
  const documentId = new Types.ObjectId();
  if (isClosedRoom(body.kind)) await startSetRoster(String(roomId), communityId, userId);
  await LearningDocumentModel.create({ _id: documentId, roomId, communityId, title: body.title });
  return RoomModel.create({
    _id: roomId,
    communityId,
    kind: body.kind,
    title: body.title,
    documentId,
    sourceOrganisationId: body.sourceOrganisationId ?? null,
    recipientOrganisationIds: body.recipientOrganisationIds ?? [],
    innovationId: body.innovationId ?? null,
    visibility: body.visibility ?? defaultVisibility(body.kind),
    createdBy: userId,
  });
}
