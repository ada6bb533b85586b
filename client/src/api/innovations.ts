import {
  routes,
  type CreateInnovationBody,
  type Innovation,
  type InnovationChange,
  type UpdateInnovationBody,
} from '@common-ground/shared';
import { api } from './apiClient.ts';

/** A community's innovations, and whether the caller may add one for their own organisation. */
export async function listInnovations(
  communityId: string,
): Promise<{ innovations: Innovation[]; canCreate: boolean }> {
  const answer = await api(routes.listInnovations, { params: { id: communityId } });
  return { innovations: answer.innovations, canCreate: answer.abilities.create };
}

/** Adds an innovation profile for the caller's organisation. */
export async function createInnovation(communityId: string, body: CreateInnovationBody): Promise<Innovation> {
  return (await api(routes.createInnovation, { params: { id: communityId }, body })).innovation;
}

/** One innovation profile, with what the caller may do with it. */
export async function getInnovation(id: string): Promise<Innovation> {
  return (await api(routes.getInnovation, { params: { id } })).innovation;
}

/** Changes an innovation profile from the revision it was read at. */
export async function updateInnovation(id: string, body: UpdateInnovationBody): Promise<Innovation> {
  return (await api(routes.updateInnovation, { params: { id }, body })).innovation;
}

/** Every change to an innovation profile, newest first. */
export async function listInnovationHistory(id: string): Promise<InnovationChange[]> {
  return (await api(routes.listInnovationHistory, { params: { id } })).history;
}
