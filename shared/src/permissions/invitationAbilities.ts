/** What a signed-in person may do with an invitation link they hold. */
export interface InvitationAbilities {
  /** Accept it: an invitation is for one email address, so only the person signed in with that address. */
  accept: boolean;
}

/** What the signed-in person may do with an invitation, asked by the accept route and the invitation page alike. */
export function invitationAbilities(
  viewer: { email: string },
  invitation: { email: string },
): InvitationAbilities {
  return { accept: viewer.email.toLowerCase() === invitation.email.toLowerCase() };
}
