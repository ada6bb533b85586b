/** Every action anyone can take on the platform; the server enforces each one, the client hides what it cannot do. */
export const CAPABILITIES = [
  'community.view',
  'community.manage',
  'member.list',
  'member.invite',
  'member.manage',
  'room.create',
  'room.view',
  'room.moderate',
  'document.view',
  'document.edit',
  'document.version',
  'discussion.read',
  'discussion.post',
  'visitorPass.manage',
  'question.ask',
] as const;

/** One action from {@link CAPABILITIES}. */
export type Capability = (typeof CAPABILITIES)[number];
