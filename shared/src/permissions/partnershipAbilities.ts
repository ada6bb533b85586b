import type { PartnershipAbilities, PartnershipSide } from '../schemas/partnerships.ts';
import { can, type Role } from './roles.ts';

/** Who is asking about a partnership: their role in its room and the organisation they are confirmed at. */
export interface PartnershipViewer {
  id: string;
  role: Role | null;
  organisationId: string | null;
}

/** A partnership's two sides. */
export interface PartnershipSides {
  sourceOrganisationId: string | null;
  recipientOrganisationIds: string[];
}

/** The side of a partnership the viewer's organisation is on, or null when it is on neither. */
export function partnershipSideOf(
  organisationId: string | null,
  partnership: PartnershipSides,
): PartnershipSide | null {
  if (!organisationId) return null;
  if (organisationId === partnership.sourceOrganisationId) return 'source';
  return partnership.recipientOrganisationIds.includes(organisationId) ? 'recipient' : null;
}

/**
 * What the viewer may do in a partnership: its people (confirmed at the source or a recipient, holding
 * `partnership.record`) keep its journey, reflections and adaptation log, each recipient its own entries and the
 * source its replies; its health is for its people and whoever oversees partnerships, never anyone else.
 */
export function partnershipAbilities(
  viewer: PartnershipViewer,
  partnership: PartnershipSides,
): PartnershipAbilities {
  const side = partnershipSideOf(viewer.organisationId, partnership);
  const record = side !== null && can(viewer.role, 'partnership.record');
  const oversee = can(viewer.role, 'partnership.oversee');
  return {
    record,
    seeHealth: (side !== null && can(viewer.role, 'room.view')) || oversee,
    adaptFor: record && side === 'recipient' && viewer.organisationId ? [viewer.organisationId] : [],
    sponsorFor: record && viewer.organisationId ? [viewer.organisationId] : [],
    reply: record && side === 'source',
    configure: record || oversee,
  };
}

/** What the viewer may do about one reflection. */
export interface ReflectionAbilities {
  withdraw: boolean;
  share: boolean;
  /** See who wrote it whatever the author chose: the author, and facilitators (as authors are told). */
  seeAuthor: boolean;
}

/** Only its author withdraws or shares a reflection; facilitators can always see who wrote it. */
export function reflectionAbilities(
  viewer: Pick<PartnershipViewer, 'id' | 'role'>,
  reflection: { authorId: string },
): ReflectionAbilities {
  const mine = viewer.id === reflection.authorId;
  return { withdraw: mine, share: mine, seeAuthor: mine || can(viewer.role, 'partnership.oversee') };
}
