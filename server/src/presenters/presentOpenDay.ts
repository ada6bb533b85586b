import {
  openDayPhase,
  openDayTimes,
  type HostedOpenDay,
  type OpenDayPass,
  type PassAbilities,
  type PublicOpenDay,
  type RegistrationStatus,
  type WhatItTook,
} from '@common-ground/shared';
import { registrationUrl } from '../commands/openDays/openDayMail.ts';
import { trusted } from '../database/trusted.ts';
import { LearningDocumentModel } from '../models/LearningDocument.ts';
import type { OpenDayRecord } from '../models/OpenDay.ts';
import { OpenDayPlaceModel } from '../models/OpenDayPlace.ts';
import type { OpenDayRegistrationRecord } from '../models/OpenDayRegistration.ts';
import { OpenDayRegistrationModel } from '../models/OpenDayRegistration.ts';
import { OrganisationModel } from '../models/Organisation.ts';
import { RoomModel } from '../models/Room.ts';

async function hostOrganisationOf(openDay: OpenDayRecord) {
  if (!openDay.hostOrganisationId) return null;
  const organisation = await OrganisationModel.findById(openDay.hostOrganisationId, { name: 1 }).lean();
  return organisation ? { id: String(organisation._id), name: organisation.name } : null;
}

const lead = (openDay: OpenDayRecord) => ({
  name: openDay.safeguardingLead?.name ?? '',
  email: openDay.safeguardingLead?.email ?? '',
  phone: openDay.safeguardingLead?.phone ?? null,
});

/** Whether registration is open: not cancelled, and the live window has not closed. */
export function registrationOpen(openDay: OpenDayRecord, now = new Date()): boolean {
  const phase = openDayPhase(openDay, now);
  return phase === 'before' || phase === 'live';
}

/** An open day as anyone sees it before registering. */
export async function presentPublicOpenDay(openDay: OpenDayRecord, now = new Date()): Promise<PublicOpenDay> {
  const taken = await OpenDayPlaceModel.countDocuments({ openDayId: openDay._id });
  return {
    slug: openDay.slug,
    title: openDay.title,
    hostOrganisation: await hostOrganisationOf(openDay),
    description: openDay.description,
    times: openDayTimes(openDay),
    venue: openDay.venue ?? null,
    accessInformation: openDay.accessInformation ?? null,
    online: Boolean(openDay.onlineJoinUrl),
    capacity: openDay.capacity,
    placesLeft: Math.max(0, openDay.capacity - taken),
    phase: openDayPhase(openDay, now),
    registrationOpen: registrationOpen(openDay, now),
  };
}

/** An open day as its hosts see it, with the registration link to share. */
export async function presentHostedOpenDay(
  openDay: OpenDayRecord,
  origin: string,
  abilities: { host: boolean },
  now = new Date(),
): Promise<HostedOpenDay> {
  const [room, taken, waiting, documents, hostOrganisation] = await Promise.all([
    RoomModel.findById(openDay.roomId, { documentId: 1 }).lean(),
    OpenDayPlaceModel.countDocuments({ openDayId: openDay._id }),
    OpenDayRegistrationModel.countDocuments({ openDayId: openDay._id, status: 'waiting' }),
    LearningDocumentModel.find({ _id: trusted({ $in: openDay.preReadDocumentIds }) }, { title: 1 }).lean(),
    hostOrganisationOf(openDay),
  ]);
  const titleById = new Map(documents.map((document) => [String(document._id), document.title]));
  return {
    id: String(openDay._id),
    communityId: String(openDay.communityId),
    roomId: String(openDay.roomId),
    documentId: String(room?.documentId ?? openDay.roomId),
    slug: openDay.slug,
    registrationUrl: registrationUrl(origin, openDay.slug),
    title: openDay.title,
    description: openDay.description,
    hostOrganisation,
    times: openDayTimes(openDay),
    phase: openDayPhase(openDay, now),
    capacity: openDay.capacity,
    placesTaken: taken,
    waiting,
    venue: openDay.venue ?? null,
    accessInformation: openDay.accessInformation ?? null,
    onlineJoinUrl: openDay.onlineJoinUrl ?? null,
    preReadDocuments: openDay.preReadDocumentIds
      .map((id) => ({ id: String(id), title: titleById.get(String(id)) }))
      .filter((document): document is { id: string; title: string } => document.title !== undefined),
    innovationId: openDay.innovationId ? String(openDay.innovationId) : null,
    safeguardingLead: lead(openDay),
    whatItTook: whatItTookOf(openDay),
    contact: openDay.contact?.email
      ? { name: openDay.contact.name ?? '', email: openDay.contact.email, role: openDay.contact.role ?? null }
      : null,
    summary: openDay.summary ?? '',
    recordingUrl: openDay.recordingUrl ?? null,
    cancelledAt: openDay.cancelledAt?.toISOString() ?? null,
    personalDataDeletedAt: openDay.personalDataDeletedAt?.toISOString() ?? null,
    createdAt: openDay.createdAt.toISOString(),
    abilities,
  };
}

/** The host's "what it took" page, every field present. */
export function whatItTookOf(openDay: OpenDayRecord) {
  const page: Partial<Record<keyof WhatItTook, string | null>> = openDay.whatItTook ?? {};
  return {
    size: page.size ?? '',
    commissioning: page.commissioning ?? '',
    staffing: page.staffing ?? '',
    cost: page.cost ?? '',
    nonNegotiable: page.nonNegotiable ?? '',
    doDifferently: page.doDifferently ?? '',
  };
}

/** The visitor's own pass. */
export async function presentPass(
  openDay: OpenDayRecord,
  registration: OpenDayRegistrationRecord,
  phase: OpenDayPass['phase'],
  abilities: PassAbilities,
  feedbackGiven: boolean,
): Promise<OpenDayPass> {
  return {
    openDay: {
      id: String(openDay._id),
      slug: openDay.slug,
      title: openDay.title,
      description: openDay.description,
      hostOrganisation: await hostOrganisationOf(openDay),
      times: openDayTimes(openDay),
      venue: openDay.venue ?? null,
      accessInformation: openDay.accessInformation ?? null,
      onlineJoinUrl: registration.status === 'confirmed' ? (openDay.onlineJoinUrl ?? null) : null,
      safeguardingLead: lead(openDay),
    },
    visitor: { displayName: registration.displayName, organisationName: registration.organisationName },
    status: registration.status as RegistrationStatus,
    phase,
    abilities,
    feedbackGiven,
  };
}
