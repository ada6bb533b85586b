import type { JourneyEvent, Milestone, MilestoneKind } from '@common-ground/shared';
import type { JourneyEventRecord } from '../models/JourneyEvent.ts';
import type { PartnershipMilestoneRecord } from '../models/PartnershipMilestone.ts';

/** Milestone model → DTO; "decided not to adopt" is marked as the partnership's considered ending. */
export function presentMilestone(milestone: PartnershipMilestoneRecord): Milestone {
  return {
    id: String(milestone._id),
    kind: milestone.kind as MilestoneKind,
    title: milestone.title,
    plannedFor: milestone.plannedFor ?? null,
    reachedAt: milestone.reachedAt ?? null,
    note: milestone.note ?? '',
    isEnding: milestone.kind === 'decided-not-to-adopt',
  };
}

/** Journey event model → DTO, with its organisation's name from `names`. */
export function presentJourneyEvent(event: JourneyEventRecord, names: Map<string, string>): JourneyEvent {
  return {
    id: String(event._id),
    kind: event.kind as JourneyEvent['kind'],
    at: event.at.toISOString(),
    title: event.title,
    note: event.note ?? '',
    organisationName: event.organisationId ? (names.get(String(event.organisationId)) ?? null) : null,
  };
}
