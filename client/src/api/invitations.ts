import {
  routes,
  type CreateInvitationBody,
  type Invitation,
  type invitationPreviewSchema,
  type Membership,
} from '@common-ground/shared';
import type { z } from 'zod';
import { api } from './apiClient.ts';

/** What an invitation link offers, before it is accepted. */
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>['invitation'];

/** Invites someone by email with a role; the answer carries the link, shown only this once. */
export async function createInvitation(communityId: string, body: CreateInvitationBody): Promise<Invitation> {
  return (await api(routes.createInvitation, { params: { id: communityId }, body })).invitation;
}

/** A community's invitations, used and unused. */
export async function listInvitations(communityId: string): Promise<Invitation[]> {
  return (await api(routes.listInvitations, { params: { id: communityId } })).invitations;
}

/** Withdraws an invitation nobody has used yet. */
export async function withdrawInvitation(communityId: string, invitationId: string): Promise<void> {
  await api(routes.withdrawInvitation, { params: { id: communityId, invitationId } });
}

/** Emails an unused invitation again with a fresh link; the old link stops working. */
export async function resendInvitation(communityId: string, invitationId: string): Promise<Invitation> {
  return (await api(routes.resendInvitation, { params: { id: communityId, invitationId }, body: {} }))
    .invitation;
}

/** The community and role an invitation link is for. */
export async function previewInvitation(token: string): Promise<InvitationPreview> {
  return (await api(routes.previewInvitation, { params: { token } })).invitation;
}

/** Accepts an invitation for the signed-in person. */
export async function acceptInvitation(token: string): Promise<Membership> {
  return (await api(routes.acceptInvitation, { params: { token } })).membership;
}
