import type { Room } from '@common-ground/shared';
import {
  addToSet,
  createCommunity,
  createRoom,
  createVisitor,
  joinCommunityAs,
  registerUser,
} from './factories.ts';

/**
 * A community with a learning set and everyone who matters to it: the set's facilitator and member, the community
 * facilitator (who is not in the set), a community member outside it, a visitor with a pass for the community's open
 * day, and someone from nowhere.
 */
export async function learningSetWorld(origin: string) {
  const lead = await registerUser(origin, { displayName: 'Lena Lead' });
  const community = await createCommunity(origin, lead);
  const setFacilitator = await joinCommunityAs(origin, lead, community.id, 'member');
  const set: Room = await createRoom(origin, setFacilitator, community.id, { kind: 'learning-set' });
  const setMember = await joinCommunityAs(origin, lead, community.id, 'observer');
  await addToSet(origin, setFacilitator, set.id, setMember.user.id, 'member');
  const bystander = await joinCommunityAs(origin, lead, community.id, 'member');
  const openDay = await createRoom(origin, lead, community.id, { kind: 'open-day' });
  const visitor = await createVisitor(origin, lead, openDay.id);
  const outsider = await registerUser(origin);
  return { community, set, openDay, lead, setFacilitator, setMember, bystander, visitor, outsider };
}
