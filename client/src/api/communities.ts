import {
  communityListSchema,
  communityResponseSchema,
  type Community,
  type CreateCommunityBody,
} from '@common-ground/shared';
import { apiRequest } from './apiClient.ts';

/** The caller's communities of practice. */
export async function listCommunities(): Promise<Community[]> {
  return (await apiRequest('GET', '/api/communities', { schema: communityListSchema })).communities;
}

/** Creates a community; its creator becomes its facilitator. */
export async function createCommunity(body: CreateCommunityBody): Promise<Community> {
  return (await apiRequest('POST', '/api/communities', { body, schema: communityResponseSchema })).community;
}

/** One community, with the caller's role in it. */
export async function getCommunity(id: string): Promise<Community> {
  return (
    await apiRequest('GET', `/api/communities/${encodeURIComponent(id)}`, { schema: communityResponseSchema })
  ).community;
}
