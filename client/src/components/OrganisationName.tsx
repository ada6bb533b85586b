import { Link } from 'react-router';

/**
 * An organisation's name next to a person's, with a visible "unverified" tag until a community facilitator or platform
 * administrator has checked it: anyone can create an organisation with any name. With `to`, the name is a link.
 */
export function OrganisationName({
  organisation,
  to,
}: {
  organisation: { name: string; verified: boolean };
  to?: string;
}) {
  return (
    <>
      {to ? <Link to={to}>{organisation.name}</Link> : organisation.name}
      {organisation.verified ? null : (
        <>
          {' '}
          <span className="tag tag-grey organisation-unverified">unverified</span>
        </>
      )}
    </>
  );
}
