import { randomBytes } from 'node:crypto';
import { isValidObjectId } from 'mongoose';
import type { z } from 'zod';
import type { createOpenDayBodySchema } from '@common-ground/shared';
import type { UserCaller } from '../../auth/Caller.ts';
import { trusted } from '../../database/trusted.ts';
import { AppError } from '../../errors.ts';
import { InnovationModel } from '../../models/Innovation.ts';
import { LearningDocumentModel } from '../../models/LearningDocument.ts';
import { OpenDayModel, type OpenDayRecord } from '../../models/OpenDay.ts';
import { RoomModel } from '../../models/Room.ts';
import { createRoom } from '../roomCreator.ts';

type CreateBody = z.output<typeof createOpenDayBodySchema>;

/** A readable, unguessable slug: the title's words and a random tail. */
export function slugFor(title: string): string {
  const words = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '');
  const tail = randomBytes(5).toString('hex');
  return words ? `${words}-${tail}` : `open-day-${tail}`;
}

/** Refuses pre-read documents and an innovation that are not the community's own. */
export async function checkLinkedContent(
  communityId: string,
  preReadDocumentIds: string[] | undefined,
  innovationId: string | null | undefined,
): Promise<void> {
  if (preReadDocumentIds?.length) {
    const unique = [...new Set(preReadDocumentIds)];
    const found = await LearningDocumentModel.countDocuments({
      _id: trusted({ $in: unique }),
      communityId,
    });
    if (found !== unique.length)
      throw new AppError('validation_failed', 'A pre-read document is not in this community.', {
        fields: { preReadDocumentIds: 'Choose documents from this community' },
      });
  }
  if (innovationId) {
    const innovation = await InnovationModel.exists({ _id: innovationId, communityId });
    if (!innovation)
      throw new AppError('validation_failed', 'The innovation is not in this community.', {
        fields: { innovationId: 'Choose an innovation from this community' },
      });
  }
}

/**
 * Schedules an open day: takes the community's open-day room named by `roomId`, or makes a new one, and gives the
 * day a public slug for its registration link. The host's organisation is the scheduler's confirmed one.
 */
export async function scheduleOpenDay(
  caller: UserCaller,
  communityId: string,
  body: CreateBody,
): Promise<OpenDayRecord> {
  if (Date.parse(body.endsAt) <= Date.now())
    throw new AppError('validation_failed', 'The open day must end in the future.', {
      fields: { endsAt: 'Choose a time in the future' },
    });
  await checkLinkedContent(communityId, body.preReadDocumentIds, body.innovationId);
  let roomId: string;
  if (body.roomId) {
    const room = isValidObjectId(body.roomId)
      ? await RoomModel.findOne({ _id: body.roomId, communityId }).lean()
      : null;
    if (!room || room.kind !== 'open-day')
      throw new AppError('validation_failed', 'Choose an open-day room of this community.', {
        fields: { roomId: 'Choose an open-day room of this community' },
      });
    roomId = String(room._id);
  } else {
    const room = await createRoom(caller.user.id, communityId, { kind: 'open-day', title: body.title });
    roomId = String(room._id);
  }
  let whatItTook = body.whatItTook;
  if (!whatItTook && body.innovationId) {
    const innovation = await InnovationModel.findById(body.innovationId, { context: 1 }).lean();
    whatItTook = innovation?.context as CreateBody['whatItTook'];
  }
  return OpenDayModel.create({
    communityId,
    roomId,
    hostOrganisationId: caller.user.organisation?.id ?? null,
    slug: slugFor(body.title),
    title: body.title,
    description: body.description,
    startsAt: new Date(body.startsAt),
    endsAt: new Date(body.endsAt),
    capacity: body.capacity,
    venue: body.venue ?? null,
    accessInformation: body.accessInformation ?? null,
    onlineJoinUrl: body.onlineJoinUrl ?? null,
    preReadDocumentIds: body.preReadDocumentIds ?? [],
    innovationId: body.innovationId ?? null,
    safeguardingLead: {
      name: body.safeguardingLead.name,
      email: body.safeguardingLead.email,
      phone: body.safeguardingLead.phone ?? null,
    },
    whatItTook: whatItTook ?? {},
    contact: body.contact ? { ...body.contact, role: body.contact.role ?? null } : null,
    createdBy: caller.user.id,
  });
}
