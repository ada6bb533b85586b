import {
  routes,
  type AdaptationChange,
  type AdaptationLog,
  type CreateReflectionBody,
  type Engagement,
  type Journey,
  type LogContactBody,
  type MilestoneBody,
  type Reflection,
  type Room,
  type SponsorBody,
  type UpdatePartnershipBody,
} from '@common-ground/shared';
import { api } from './apiClient.ts';

/** Links the innovation a partnership spreads, or changes who may see it. */
export async function updatePartnership(roomId: string, body: UpdatePartnershipBody): Promise<Room> {
  return (await api(routes.updatePartnership, { params: { id: roomId }, body })).room;
}

/** A partnership's journey: milestones, events, sponsors, and what the caller may do. */
export async function getJourney(roomId: string): Promise<Journey> {
  return (await api(routes.getJourney, { params: { id: roomId } })).journey;
}

/** Adds a milestone to the journey. */
export async function addMilestone(roomId: string, body: MilestoneBody): Promise<void> {
  await api(routes.addMilestone, { params: { id: roomId }, body });
}

/** Marks a milestone reached (or changes it). */
export async function updateMilestone(
  roomId: string,
  milestoneId: string,
  body: Partial<MilestoneBody>,
): Promise<void> {
  await api(routes.updateMilestone, { params: { id: roomId, milestoneId }, body });
}

/** Logs a visit, call or meeting held off the platform. */
export async function logContact(roomId: string, body: LogContactBody): Promise<void> {
  await api(routes.logContact, { params: { id: roomId }, body });
}

/** Names the caller's organisation's senior sponsor. */
export async function putSponsor(
  roomId: string,
  organisationId: string,
  body: SponsorBody,
): Promise<Journey> {
  return (await api(routes.putSponsor, { params: { id: roomId, organisationId }, body })).journey;
}

/** Records that both sides have re-contracted. */
export async function markRecontracted(roomId: string): Promise<Journey> {
  return (await api(routes.markRecontracted, { params: { id: roomId }, body: {} })).journey;
}

/** The adaptation log. */
export async function getAdaptations(roomId: string): Promise<AdaptationLog> {
  return (await api(routes.getAdaptations, { params: { id: roomId } })).adaptations;
}

/** Writes changes to the adaptation log: a recipient's story, the source's reply, or one side's settlement. */
export async function putAdaptations(roomId: string, entries: AdaptationChange[]): Promise<AdaptationLog> {
  return (await api(routes.putAdaptations, { params: { id: roomId }, body: { entries } })).adaptations;
}

/** A partnership's reflections. */
export async function listReflections(roomId: string): Promise<Reflection[]> {
  return (await api(routes.listReflections, { params: { id: roomId } })).reflections;
}

/** Writes a reflection. */
export async function createReflection(roomId: string, body: CreateReflectionBody): Promise<Reflection> {
  return (await api(routes.createReflection, { params: { id: roomId }, body })).reflection;
}

/** Shares a reflection with the community, or takes it back. */
export async function shareReflection(
  id: string,
  sharedWithCommunity: boolean,
  acknowledgedWarnings = false,
): Promise<Reflection> {
  return (
    await api(routes.shareReflection, { params: { id }, body: { sharedWithCommunity, acknowledgedWarnings } })
  ).reflection;
}

/** Withdraws one's own reflection. */
export async function withdrawReflection(id: string): Promise<void> {
  await api(routes.withdrawReflection, { params: { id } });
}

/** A partnership's health. */
export async function getEngagement(roomId: string): Promise<Engagement> {
  return (await api(routes.getEngagement, { params: { id: roomId } })).engagement;
}

/** Reflections shared with a whole community. */
export async function listCommunityReflections(communityId: string): Promise<Reflection[]> {
  return (await api(routes.listCommunityReflections, { params: { id: communityId } })).reflections;
}
