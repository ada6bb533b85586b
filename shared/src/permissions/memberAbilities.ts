import { can } from './roles.ts';
import type { Viewer } from './viewers.ts';

/** What a viewer may do about one person's membership of a community. */
export interface MemberAbilities {
  /** Change their role (one's own included, which the last-facilitator rule still guards). */
  changeRole: boolean;
  /** Remove them, when they are someone else. */
  remove: boolean;
  /** Leave, when they are oneself: anyone may. */
  leave: boolean;
}

/** What the viewer may do about one member, asked by the members routes and the members page alike. */
export function memberAbilities(viewer: Viewer, member: { userId: string }): MemberAbilities {
  const self = viewer.id === member.userId;
  const manage = can(viewer.role, 'member.manage');
  return { changeRole: manage, remove: manage && !self, leave: self };
}
