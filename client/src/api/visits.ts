import {
  routes,
  type CreateVisitorPassBody,
  type VisitorPass,
  type VisitResponse,
} from '@common-ground/shared';
import { api } from './apiClient.ts';

/** Creates a visitor pass for an open-day room; the answer carries the link, shown only this once. */
export async function createVisitorPass(roomId: string, body: CreateVisitorPassBody): Promise<VisitorPass> {
  return (await api(routes.createVisitorPass, { params: { id: roomId }, body })).pass;
}

/** An open-day room's visitor passes. */
export async function listVisitorPasses(roomId: string): Promise<VisitorPass[]> {
  return (await api(routes.listVisitorPasses, { params: { id: roomId } })).passes;
}

/** Revokes a pass; anyone visiting with it leaves at once. */
export async function revokeVisitorPass(roomId: string, passId: string): Promise<void> {
  await api(routes.revokeVisitorPass, { params: { id: roomId, passId } });
}

/** Starts an open-day visit with a pass token and the name others will see. */
export async function startVisit(token: string, displayName: string): Promise<VisitResponse> {
  return api(routes.startVisit, { body: { token, displayName } });
}
