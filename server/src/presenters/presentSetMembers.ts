import {
  setMemberAbilities,
  type CommunityRole,
  type RoomStanding,
  type SetMember,
} from '@common-ground/shared';
import { presentPeople } from './presentPeople.ts';

/**
 * Set member rows → DTOs with each person, whether they agreed to the ground rules in force, and what the viewer may
 * do about them.
 */
export async function presentSetMembers(
  rows: { userId: unknown; role: string; addedAt: Date }[],
  agreed: Set<string>,
  viewer: { id: string } & Omit<RoomStanding, 'visitorHere'>,
): Promise<SetMember[]> {
  const people = await presentPeople(rows.map((row) => String(row.userId)));
  return rows.flatMap((row) => {
    const person = people.get(String(row.userId));
    if (!person) return [];
    return [
      {
        userId: person.id,
        role: row.role as CommunityRole,
        addedAt: row.addedAt.toISOString(),
        agreed: agreed.has(person.id),
        person,
        abilities: setMemberAbilities(viewer, { userId: person.id }),
      },
    ];
  });
}
