import {
  CAPABILITIES,
  ORGANISATION_CAPABILITIES,
  PLATFORM_CAPABILITIES,
  type Capability,
  type OrganisationCapability,
  type PlatformCapability,
} from './capabilities.ts';

/** Roles a person can hold in a community of practice. */
export const COMMUNITY_ROLES = ['facilitator', 'member', 'observer'] as const;
export type CommunityRole = (typeof COMMUNITY_ROLES)[number];

/** Every role the permission table knows: community roles plus the open-day visitor, who has no account. */
export const ROLES = [...COMMUNITY_ROLES, 'visitor'] as const;
export type Role = (typeof ROLES)[number];

const READ_ONLY: readonly Capability[] = ['room.view', 'document.view', 'discussion.read'];

/** The one table that decides who may do what. Facilitators may do everything; observers and visitors only view and read. */
export const ROLE_CAPABILITIES: Readonly<Record<Role, readonly Capability[]>> = {
  facilitator: CAPABILITIES,
  member: [
    'community.view',
    'member.list',
    'room.create',
    'room.view',
    'document.view',
    'document.edit',
    'discussion.read',
    'discussion.post',
    'question.ask',
    'innovation.edit',
    'groundRules.agree',
    'meeting.participate',
    'partnership.record',
  ],
  observer: ['community.view', 'member.list', ...READ_ONLY, 'groundRules.agree'],
  visitor: READ_ONLY,
};

/** Whether a role grants a capability; `null` (no role at all) grants nothing. */
export function can(role: Role | null | undefined, capability: Capability): boolean {
  if (!role) return false;
  return ROLE_CAPABILITIES[role].includes(capability);
}

/** Whether a role may change shared content (documents or discussions). */
export function isReadOnly(role: Role | null | undefined): boolean {
  return !can(role, 'document.edit') && !can(role, 'discussion.post');
}

/** Where someone stands with an organisation: one of its admins, a confirmed member, or waiting to be confirmed. */
export const ORGANISATION_ROLES = ['admin', 'member', 'pending'] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

/** The organisation table: admins administer people, confirmed members see who works there, pending people nothing. */
export const ORGANISATION_ROLE_CAPABILITIES: Readonly<
  Record<OrganisationRole, readonly OrganisationCapability[]>
> = {
  admin: ORGANISATION_CAPABILITIES,
  member: ['organisation.people.list'],
  pending: [],
};

/** Whether an organisation role grants a capability; `null` (no claim to work there) grants nothing. */
export function canInOrganisation(
  role: OrganisationRole | null | undefined,
  capability: OrganisationCapability,
): boolean {
  if (!role) return false;
  return ORGANISATION_ROLE_CAPABILITIES[role].includes(capability);
}

/** Roles across the whole platform, held by few: the operator's administrators (PLATFORM_ADMINS). */
export const PLATFORM_ROLES = ['administrator'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** The platform table: administrators verify any organisation. */
export const PLATFORM_ROLE_CAPABILITIES: Readonly<Record<PlatformRole, readonly PlatformCapability[]>> = {
  administrator: PLATFORM_CAPABILITIES,
};

/** Whether a platform role grants a capability; `null` (an ordinary account) grants nothing. */
export function canOnPlatform(
  role: PlatformRole | null | undefined,
  capability: PlatformCapability,
): boolean {
  if (!role) return false;
  return PLATFORM_ROLE_CAPABILITIES[role].includes(capability);
}
