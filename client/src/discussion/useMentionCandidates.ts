import { useEffect, useState } from 'react';
import { isClosedRoom, type Room } from '@common-ground/shared';
import { listMembers } from '../api/members.ts';
import { listSetMembers } from '../api/learningSets.ts';
import type { MentionCandidate } from './mentionQuery.ts';

/**
 * The people who can read the room and so can be mentioned in it: a learning set's own people, else the community's
 * members (the same people the server resolves `@Name` against). Empty when the viewer may not list them.
 */
export function useMentionCandidates(room: Room, enabled: boolean): MentionCandidate[] {
  const [candidates, setCandidates] = useState<MentionCandidate[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const load = isClosedRoom(room.kind)
      ? listSetMembers(room.id).then((answer) => answer.members.map((member) => member.person))
      : listMembers(room.communityId).then((members) => members.map((member) => member.person));
    load.then(
      (people) => {
        if (!live) return;
        setCandidates(
          people.map((person) => ({
            id: person.id,
            displayName: person.displayName,
            organisationName: person.organisation?.name ?? null,
          })),
        );
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [enabled, room.id, room.kind, room.communityId]);
  return candidates;
}
