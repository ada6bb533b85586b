import type { RoomKind, RoomVisibility } from '../schemas/rooms.ts';
import { can, type CommunityRole, type Role } from './roles.ts';

/** Where someone stands with a room: their community role, their role among a learning set's own people, or a pass. */
export interface RoomStanding {
  communityRole: CommunityRole | null;
  /** Their role in the set's own list of people; null when not listed (always null outside learning sets). */
  setRole: CommunityRole | null;
  /** A visitor whose pass names this very room. */
  visitorHere: boolean;
  /** Confirmed as working for the room's source or one of its recipient organisations (partnerships only). */
  partnerHere?: boolean;
}

/** Whether a room of this kind is closed to its own listed people (a learning set) rather than open to the community. */
export const isClosedRoom = (kind: RoomKind): boolean => kind === 'learning-set';

/**
 * The role that decides everything in a room, for HTTP, Socket.IO and /collab alike. A visitor is a `visitor` only in
 * the open-day room their pass names. A learning set belongs to its listed people, who must still be in the
 * community; anyone else, a community facilitator included, has no role in it. A partners-only partnership belongs to
 * the people of its organisations and to those who oversee partnerships (the community's facilitators). Other rooms
 * follow the community role.
 */
export function roomRoleFor(
  kind: RoomKind,
  standing: RoomStanding,
  visibility: RoomVisibility = 'community',
): Role | null {
  if (standing.visitorHere) return kind === 'open-day' ? 'visitor' : null;
  if (!standing.communityRole) return null;
  if (isClosedRoom(kind)) return standing.setRole;
  if (isPartnersOnly(kind, visibility))
    return standing.partnerHere || can(standing.communityRole, 'partnership.oversee')
      ? standing.communityRole
      : null;
  return standing.communityRole;
}

/** Whether a room is a partnership only its partner organisations (and facilitators) may see. */
export const isPartnersOnly = (kind: RoomKind, visibility: RoomVisibility): boolean =>
  kind === 'partnership' && visibility === 'partners';

/** What someone may do about a learning set as a whole. */
export interface LearningSetAbilities {
  /** See that the set exists and who is in it (its people and whether they agreed), but not its content. */
  seePeople: boolean;
  /** Add people from the community, change their roles and remove them; write the ground rules. */
  manage: boolean;
  /** Agree to the ground rules. */
  agree: boolean;
}

/** What a standing allows about a learning set, asked by its routes and its page alike. */
export function learningSetAbilities(standing: Omit<RoomStanding, 'visitorHere'>): LearningSetAbilities {
  const setRole = standing.communityRole ? standing.setRole : null;
  return {
    seePeople: can(setRole, 'room.view') || can(standing.communityRole, 'set.oversee'),
    manage: can(setRole, 'set.manage'),
    agree: can(setRole, 'groundRules.agree'),
  };
}

/** Visitor passes admit people who have no account, so only open days may have them; never a learning set. */
export const mayHaveVisitorPasses = (kind: RoomKind): boolean => kind === 'open-day';

/** What someone may do about one person listed in a learning set. */
export interface SetMemberAbilities {
  /** Change their role in the set (the last facilitator is still kept by the server). */
  changeRole: boolean;
  /** Remove them from the set. */
  remove: boolean;
  /** Leave the set, when they are oneself. */
  leave: boolean;
}

/** What the viewer may do about one of a set's people, asked by the members routes and the set's page alike. */
export function setMemberAbilities(
  viewer: { id: string | null } & Omit<RoomStanding, 'visitorHere'>,
  member: { userId: string },
): SetMemberAbilities {
  const { manage, agree } = learningSetAbilities(viewer);
  return { changeRole: manage, remove: manage, leave: agree && viewer.id === member.userId };
}
