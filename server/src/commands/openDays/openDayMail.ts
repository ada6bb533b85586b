import { openDayCancelPath, openDayPassPath, openDayPath } from '@common-ground/shared';
import type { Logger } from '../../logger.ts';
import type { Mailer } from '../../mail/Mailer.ts';
import type { OpenDayMailDetails } from '../../mail/templates/openDayEmails.ts';
import { openDayIcs } from '../../mail/templates/openDayIcs.ts';
import { CommunityModel } from '../../models/Community.ts';
import type { OpenDayRecord } from '../../models/OpenDay.ts';
import { OrganisationModel } from '../../models/Organisation.ts';

/** What open-day commands need to send email: the mailer, the public origin for links, and a logger. */
export interface OpenDayMailContext {
  mailer: Mailer;
  origin: string;
  logger: Logger;
}

/** The host's name as emails and the public page show it: its organisation, or else its community. */
export async function hostNameOf(openDay: OpenDayRecord): Promise<string> {
  if (openDay.hostOrganisationId) {
    const organisation = await OrganisationModel.findById(openDay.hostOrganisationId, { name: 1 }).lean();
    if (organisation) return organisation.name;
  }
  const community = await CommunityModel.findById(openDay.communityId, { name: 1 }).lean();
  return community?.name ?? 'Common Ground';
}

/** The open day as emails describe it. */
export async function mailDetailsOf(openDay: OpenDayRecord): Promise<OpenDayMailDetails> {
  return {
    title: openDay.title,
    hostName: await hostNameOf(openDay),
    startsAt: openDay.startsAt,
    endsAt: openDay.endsAt,
    venue: openDay.venue ?? null,
  };
}

/** The links an open-day email carries. */
export const passUrl = (context: OpenDayMailContext, token: string) =>
  `${context.origin}${openDayPassPath(token)}`;
export const cancelUrl = (context: OpenDayMailContext, token: string) =>
  `${context.origin}${openDayCancelPath(token)}`;
export const registrationUrl = (origin: string, slug: string) => `${origin}${openDayPath(slug)}`;

/**
 * The `.ics` invitation for an open day; its UID stays the same across changes, and SEQUENCE
 * rises with time, so a later copy (after an edit) replaces an earlier one in the calendar. */
export function icsFor(
  openDay: OpenDayRecord,
  context: OpenDayMailContext,
  hostName: string,
  options: { cancelled?: boolean } = {},
): string {
  const location = [openDay.venue, openDay.onlineJoinUrl ? 'Online (link on your pass)' : null]
    .filter(Boolean)
    .join('; ');
  return openDayIcs({
    uid: `open-day-${String(openDay._id)}@common-ground`,
    sequence: Math.floor((Date.now() - openDay.createdAt.getTime()) / 1000),
    title: `${openDay.title} (${hostName})`,
    description: `${openDay.description}\n\nOpen day details: ${registrationUrl(context.origin, openDay.slug)}`,
    startsAt: openDay.startsAt,
    endsAt: openDay.endsAt,
    location: location || null,
    url: registrationUrl(context.origin, openDay.slug),
    organiser: {
      name: openDay.safeguardingLead?.name ?? hostName,
      email: openDay.safeguardingLead?.email ?? '',
    },
    cancelled: options.cancelled ?? false,
  });
}
