import {
  visitorPassListSchema,
  visitorPassResponseSchema,
  visitResponseSchema,
  type CreateVisitorPassBody,
  type VisitorPass,
  type VisitResponse,
} from '@common-ground/shared';
import { apiRequest } from './apiClient.ts';

const base = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/visitor-passes`;

/** Creates a visitor pass for an open-day room; the answer carries the link, shown only this once. */
export async function createVisitorPass(roomId: string, body: CreateVisitorPassBody): Promise<VisitorPass> {
  return (await apiRequest('POST', base(roomId), { body, schema: visitorPassResponseSchema })).pass;
}

/** An open-day room's visitor passes. */
export async function listVisitorPasses(roomId: string): Promise<VisitorPass[]> {
  return (await apiRequest('GET', base(roomId), { schema: visitorPassListSchema })).passes;
}

/** Revokes a pass; anyone visiting with it leaves at once. */
export async function revokeVisitorPass(roomId: string, passId: string): Promise<void> {
  await apiRequest('DELETE', `${base(roomId)}/${encodeURIComponent(passId)}`);
}

/** Starts an open-day visit with a pass token and the name others will see. */
export async function startVisit(token: string, displayName: string): Promise<VisitResponse> {
  return apiRequest('POST', '/api/visits', { body: { token, displayName }, schema: visitResponseSchema });
}
