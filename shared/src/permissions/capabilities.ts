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
  'innovation.edit',
  // A learning set's own people: a community role may see that a set exists and who is in it, never its content.
  'set.oversee',
  // A set role: add people from the community, change their roles, remove them, and write the ground rules.
  'set.manage',
  // A set role: agree to the set's ground rules, as everyone in it must before taking part.
  'groundRules.agree',
  // Mark an organisation verified (it is who it says), for one whose people take part in a community one runs.
  'organisation.verify',
  // Hold open days in a community: schedule, edit and cancel them, moderate their questions, see who came.
  'openday.host',
  // Read the community's audit log (who joined, left, changed roles, deleted their account).
  'community.audit',
  // A set role: schedule a set's meetings and run them (stages, clock, presenters); a facilitator may hand one meeting
  // to a member, which `meetingAbilities` honours.
  'meeting.run',
  // A set role: take part in a meeting: bid for time, and write one's own actions and reflections.
  'meeting.participate',
  // A community role: see every partnership, partners-only ones included, and its health (facilitators).
  'partnership.oversee',
  // Record a partnership's journey, adaptations and reflections, when one works for a partner organisation.
  'partnership.record',
] as const;

/** One action from {@link CAPABILITIES}. */
export type Capability = (typeof CAPABILITIES)[number];

/**
 * What someone can do about an organisation: see who is confirmed as working there, and administer who may say
 * they do (see requests and email addresses, confirm, decline or remove people, appoint admins).
 */
export const ORGANISATION_CAPABILITIES = ['organisation.people.list', 'organisation.people.manage'] as const;

/** One action from {@link ORGANISATION_CAPABILITIES}. */
export type OrganisationCapability = (typeof ORGANISATION_CAPABILITIES)[number];

/**
 * What someone may do across the whole platform, whatever community they are in: verify any organisation (and take
 * a verification back).
 */
export const PLATFORM_CAPABILITIES = ['organisation.verify'] as const;

/** One action from {@link PLATFORM_CAPABILITIES}. */
export type PlatformCapability = (typeof PLATFORM_CAPABILITIES)[number];
