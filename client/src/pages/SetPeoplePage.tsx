import { Link, useParams } from 'react-router';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { SetPeopleSection } from '../learningSets/SetPeopleSection.tsx';

/**
 * Who is in a learning set, for a community facilitator who is not in it: they may see that it exists and who is in
 * it, never its content. The set's own people see this on the set's page.
 */
export function SetPeoplePage() {
  const { communityId = '', id = '' } = useParams();
  return (
    <RequireUser>
      {() => (
        <Page title="Who is in this learning set" caption="Learning set">
          <p>
            <Link to={`/communities/${communityId}`}>Back to the community</Link>
          </p>
          <p>You are not in this set, so you can see who is in it but not what it holds.</p>
          <SetPeopleSection roomId={id} communityId={communityId} />
        </Page>
      )}
    </RequireUser>
  );
}
