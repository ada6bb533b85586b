import { routes, type Community, type CreateCommunityBody } from '@common-ground/shared';
import { api } from './apiClient.ts';

/** The caller's communities of practice. */
export async function listCommunities(): Promise<Community[]> {
  return (await api(routes.listCommunities)).communities;
}

/** Creates a community; its creator becomes its facilitator. */
export async function createCommunity(body: CreateCommunityBody): Promise<Community> {
  return (await api(routes.createCommunity, { body })).community;
}

/** One community, with the caller's role in it. */
export async function getCommunity(id: string): Promise<Community> {
  return (await api(routes.getCommunity, { params: { id } })).community;
}
