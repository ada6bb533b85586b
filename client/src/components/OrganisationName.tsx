/**
 * An organisation's name next to a person's, with a visible "unverified" tag until a community facilitator or platform
 * administrator has checked it: anyone can create an organisation with any name.
 */
export function OrganisationName({ organisation }: { organisation: { name: string; verified: boolean } }) {
  return (
    <>
      {organisation.name}
      {organisation.verified ? null : (
        <>
          {' '}
          <span className="tag tag-grey organisation-unverified">unverified</span>
        </>
      )}
    </>
  );
}
