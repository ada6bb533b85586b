import type { CreateReflectionBody } from '@common-ground/shared';
import { ReflectionModel, type ReflectionRecord } from '../../models/Reflection.ts';
import { recordActivity } from './activityRecorder.ts';

/** The author of a reflection as stored: facilitators can always see who wrote it, whatever the author chose. */
export interface ReflectionAuthor {
  id: string;
  displayName: string;
  organisation: { id: string; name: string } | null;
}

/** Stores a reflection, partners-only unless the author shares it; it counts as activity of their organisation. */
export async function createReflection(
  room: { _id: unknown; communityId: unknown },
  author: ReflectionAuthor,
  body: CreateReflectionBody,
  now: Date,
): Promise<ReflectionRecord> {
  const reflection = await ReflectionModel.create({
    roomId: room._id,
    communityId: room.communityId,
    authorId: author.id,
    authorName: author.displayName,
    authorOrganisationId: author.organisation?.id ?? null,
    authorOrganisationName: author.organisation?.name ?? null,
    hoped: body.hoped,
    happened: body.happened,
    madeSense: body.madeSense,
    learned: body.learned,
    doDifferently: body.doDifferently,
    workingWith: body.workingWith ?? '',
    tags: body.tags ?? [],
    anonymity: body.anonymity,
    sharedWithCommunity: body.shareWithCommunity ?? false,
    createdAt: now,
  });
  await recordActivity({
    roomId: String(room._id),
    organisationId: author.organisation?.id ?? null,
    userId: author.id,
    kind: 'reflection',
    at: now,
  });
  return reflection;
}

/** Shares a reflection with the community, or takes it back to the partners. */
export async function setReflectionShared(
  reflection: ReflectionRecord,
  shared: boolean,
): Promise<ReflectionRecord> {
  reflection.set({ sharedWithCommunity: shared });
  return reflection.save();
}

/** Withdraws a reflection for good: it is deleted, from the partnership and the community alike. */
export async function withdrawReflection(reflection: ReflectionRecord): Promise<void> {
  await ReflectionModel.deleteOne({ _id: reflection._id });
}
