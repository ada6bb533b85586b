import { can, type Role } from './roles.ts';

/** What a viewer may do in a room's discussion as a whole, whatever thread or message they look at. */
export interface RoomAbilities {
  /** Start threads and reply. */
  post: boolean;
  /** Ask a learner's question. */
  askQuestion: boolean;
  /** Hide messages and lock threads. */
  moderate: boolean;
  /** Be offered @mentions: suggestions come from the community's member list, so whoever may list its members. */
  mention: boolean;
}

/** What a role may do in a room's discussion, so the discussion panel renders from one answer. */
export function roomAbilities(role: Role | null | undefined): RoomAbilities {
  return {
    post: can(role, 'discussion.post'),
    askQuestion: can(role, 'question.ask'),
    moderate: can(role, 'room.moderate'),
    mention: can(role, 'member.list'),
  };
}
