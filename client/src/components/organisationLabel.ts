/** An organisation's name as text, saying "(unverified)" until someone trusted has checked it is who it says. */
export function organisationLabel(organisation: { name: string; verified: boolean }): string {
  return organisation.verified ? organisation.name : `${organisation.name} (unverified)`;
}
