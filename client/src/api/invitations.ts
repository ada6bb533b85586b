import {
  invitationListSchema,
  invitationPreviewSchema,
  invitationResponseSchema,
  membershipResponseSchema,
  type CreateInvitationBody,
  type Invitation,
  type Membership,
} from '@common-ground/shared';
import type { z } from 'zod';
import { apiRequest } from './apiClient.ts';

const base = (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}/invitations`;

/** What an invitation link offers, before it is accepted. */
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>['invitation'];

/** Invites someone by email with a role; the answer carries the link, shown only this once. */
export async function createInvitation(communityId: string, body: CreateInvitationBody): Promise<Invitation> {
  return (await apiRequest('POST', base(communityId), { body, schema: invitationResponseSchema })).invitation;
}

/** A community's invitations, used and unused. */
export async function listInvitations(communityId: string): Promise<Invitation[]> {
  return (await apiRequest('GET', base(communityId), { schema: invitationListSchema })).invitations;
}

/** Withdraws an invitation nobody has used yet. */
export async function withdrawInvitation(communityId: string, invitationId: string): Promise<void> {
  await apiRequest('DELETE', `${base(communityId)}/${encodeURIComponent(invitationId)}`);
}

/** The community and role an invitation link is for. */
export async function previewInvitation(token: string): Promise<InvitationPreview> {
  return (
    await apiRequest('GET', `/api/invitations/${encodeURIComponent(token)}`, {
      schema: invitationPreviewSchema,
    })
  ).invitation;
}

/** Accepts an invitation for the signed-in person. */
export async function acceptInvitation(token: string): Promise<Membership> {
  return (
    await apiRequest('POST', `/api/invitations/${encodeURIComponent(token)}/accept`, {
      schema: membershipResponseSchema,
    })
  ).membership;
}
