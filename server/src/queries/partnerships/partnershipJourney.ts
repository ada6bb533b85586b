import type { Journey, JourneyEvent, PartnershipAbilities, Sponsor } from '@common-ground/shared';
import { PARTNERSHIP_LIMITS } from '@common-ground/shared';
import { trusted } from '../../database/trusted.ts';
import { DocumentVersionModel } from '../../models/DocumentVersion.ts';
import { JourneyEventModel } from '../../models/JourneyEvent.ts';
import { OrganisationModel } from '../../models/Organisation.ts';
import { PartnershipMilestoneModel } from '../../models/PartnershipMilestone.ts';
import { PartnershipSponsorModel } from '../../models/PartnershipSponsor.ts';
import { ReflectionModel } from '../../models/Reflection.ts';
import type { RoomRecord } from '../../models/Room.ts';
import { presentJourneyEvent, presentMilestone } from '../../presenters/presentJourney.ts';

/** Each partner organisation's sponsor (null name: none named yet), source first. */
async function sponsorsOf(room: RoomRecord): Promise<Sponsor[]> {
  const organisationIds = [room.sourceOrganisationId, ...room.recipientOrganisationIds].filter(Boolean);
  const [organisations, sponsors] = await Promise.all([
    OrganisationModel.find({ _id: trusted({ $in: organisationIds }) }, { name: 1 }).lean(),
    PartnershipSponsorModel.find({ roomId: room._id }).lean(),
  ]);
  const names = new Map(organisations.map((o) => [String(o._id), o.name]));
  const byOrganisation = new Map(sponsors.map((sponsor) => [String(sponsor.organisationId), sponsor]));
  return organisationIds.map((id, index) => {
    const sponsor = byOrganisation.get(String(id));
    return {
      organisationId: String(id),
      organisationName: names.get(String(id)) ?? '',
      side: index === 0 ? 'source' : 'recipient',
      name: sponsor?.name ?? null,
      jobTitle: sponsor?.jobTitle ?? null,
      since: sponsor?.since.toISOString() ?? null,
    };
  });
}

/**
 * A partnership's journey: its milestones, its automatic events (stored ones, named versions of its document and
 * its reflections, newest first), both sides' sponsors, and whether a sponsor change still asks for re-contracting.
 */
export async function partnershipJourney(
  room: RoomRecord,
  abilities: PartnershipAbilities,
): Promise<Journey> {
  const [milestones, stored, versions, reflections, sponsors] = await Promise.all([
    PartnershipMilestoneModel.find({ roomId: room._id })
      .sort({ createdAt: 1 })
      .limit(PARTNERSHIP_LIMITS.milestones),
    JourneyEventModel.find({ roomId: room._id }).sort({ at: -1 }).limit(PARTNERSHIP_LIMITS.pageSize),
    DocumentVersionModel.find(
      { documentId: room.documentId, kind: 'named' },
      { name: 1, createdAt: 1, createdByName: 1 },
    )
      .sort({ createdAt: -1 })
      .limit(PARTNERSHIP_LIMITS.pageSize)
      .lean(),
    ReflectionModel.find({ roomId: room._id }, { createdAt: 1, anonymity: 1, authorOrganisationName: 1 })
      .sort({ createdAt: -1 })
      .limit(PARTNERSHIP_LIMITS.pageSize)
      .lean(),
    sponsorsOf(room),
  ]);
  const organisationIds = [
    ...new Set(stored.flatMap((event) => (event.organisationId ? [String(event.organisationId)] : []))),
  ];
  const organisations = await OrganisationModel.find(
    { _id: trusted({ $in: organisationIds }) },
    { name: 1 },
  ).lean();
  const names = new Map(organisations.map((o) => [String(o._id), o.name]));
  const events: JourneyEvent[] = [
    ...stored.map((event) => presentJourneyEvent(event, names)),
    ...versions.map((version) => ({
      id: `version-${String(version._id)}`,
      kind: 'document-version' as const,
      at: version.createdAt.toISOString(),
      title: `Document version named: ${version.name}`,
      note: '',
      organisationName: null,
    })),
    ...reflections.map((reflection) => ({
      id: `reflection-${String(reflection._id)}`,
      kind: 'reflection' as const,
      at: reflection.createdAt.toISOString(),
      title: 'A reflection was written',
      note: '',
      // An anonymous reflection's organisation stays hidden here too.
      organisationName:
        reflection.anonymity === 'anonymous' ? null : (reflection.authorOrganisationName ?? null),
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  const lastChange = stored.find((event) => event.kind === 'sponsor-changed');
  const lastRecontract = stored.find((event) => event.kind === 'recontracted');
  const recontract =
    lastChange && (!lastRecontract || lastRecontract.at < lastChange.at)
      ? { askedAt: lastChange.at.toISOString(), reason: lastChange.title }
      : null;
  return { milestones: milestones.map(presentMilestone), events, sponsors, recontract, abilities };
}
