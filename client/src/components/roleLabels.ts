import type { Role } from '@common-ground/shared';

/** Readable names for every role, as people see them on pages. */
export const ROLE_LABELS: Record<Role, string> = {
  facilitator: 'Facilitator',
  member: 'Member',
  observer: 'Observer (read-only)',
  visitor: 'Open-day visitor (read-only)',
};

/** What each community role may do, shown next to the role choice when inviting someone. */
export const ROLE_HINTS: Record<Role, string> = {
  facilitator: 'Runs the community: invites people, changes roles, creates rooms and visitor passes.',
  member: 'Edits learning documents, takes part in discussions and creates rooms.',
  observer: 'Reads documents and discussions but cannot change them.',
  visitor: 'Watches one open-day room without an account.',
};
