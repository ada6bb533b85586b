import type { CommunityRole, Invitation } from '@common-ground/shared';
import type { InvitationRecord } from '../models/Invitation.ts';

/** Invitation model → DTO; the token and link are included only when the invitation has just been made. */
export function presentInvitation(
  invitation: InvitationRecord,
  created?: { token: string; origin: string },
): Invitation {
  return {
    id: String(invitation._id),
    email: invitation.email,
    role: invitation.role as CommunityRole,
    expiresAt: invitation.expiresAt.toISOString(),
    acceptedAt: invitation.acceptedAt ? invitation.acceptedAt.toISOString() : null,
    ...(created ? { token: created.token, url: `${created.origin}/invitations/${created.token}` } : {}),
  };
}
