/**
 * Why a person may not leave an organisation (or stop being its admin), or null when they may: an organisation
 * always keeps at least one confirmed admin, so its last admin appoints another before leaving.
 */
export function leaveOrganisationProblem(leaver: { isAdmin: boolean }, adminCount: number): string | null {
  if (leaver.isAdmin && adminCount <= 1)
    return 'This organisation would have no admin left. Make someone else an admin first, then try again.';
  return null;
}
