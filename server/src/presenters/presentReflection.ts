import { reflectionAbilities, type Reflection, type Role } from '@common-ground/shared';
import type { ReflectionRecord } from '../models/Reflection.ts';

/**
 * Reflection model → DTO as this viewer may see it: the author's name and organisation as the author chose, except
 * to the author and to facilitators, who always see who wrote it (as the author was told).
 */
export function presentReflection(
  reflection: ReflectionRecord,
  viewer: { id: string; role: Role | null },
): Reflection {
  const abilities = reflectionAbilities(viewer, { authorId: String(reflection.authorId) });
  const showName = abilities.seeAuthor || reflection.anonymity === 'named';
  const showOrganisation = abilities.seeAuthor || reflection.anonymity !== 'anonymous';
  return {
    id: String(reflection._id),
    roomId: String(reflection.roomId),
    hoped: reflection.hoped,
    happened: reflection.happened,
    madeSense: reflection.madeSense,
    learned: reflection.learned,
    doDifferently: reflection.doDifferently,
    workingWith: reflection.workingWith ?? '',
    tags: reflection.tags as Reflection['tags'],
    anonymity: reflection.anonymity as Reflection['anonymity'],
    author: {
      displayName: showName ? reflection.authorName : null,
      organisationName: showOrganisation ? (reflection.authorOrganisationName ?? null) : null,
    },
    sharedWithCommunity: reflection.sharedWithCommunity,
    createdAt: reflection.createdAt.toISOString(),
    abilities: { withdraw: abilities.withdraw, share: abilities.share },
  };
}
