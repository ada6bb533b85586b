import { Link, useNavigate } from 'react-router';
import type { User } from '@common-ground/shared';
import { listCommunities } from '../api/communities.ts';
import { CreateCommunityForm } from '../components/CreateCommunityForm.tsx';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { useApiData } from '../hooks/useApiData.ts';
import { ROLE_LABELS } from '../components/roleLabels.ts';

/** The signed-in home: the communities of practice you belong to, and starting a new one. */
export function CommunitiesPage() {
  return <RequireUser>{(user) => <CommunityList user={user} />}</RequireUser>;
}

function CommunityList({ user }: { user: User }) {
  const { data, error } = useApiData(listCommunities);
  const navigate = useNavigate();

  return (
    <Page title="Your communities">
      {user.organisationStatus === 'none' ? (
        <div className="notice">
          <p>
            <Link to="/organisation">Tell us which organisation you work for</Link> so others know who they
            are learning with.
          </p>
        </div>
      ) : null}
      <p>
        A community of practice brings together the organisation that made an innovation work and the
        organisations adopting it, to learn together for the long haul.
      </p>
      {error ? <p className="error-message">{error.message}</p> : null}
      {!data && !error ? <p role="status">Loading your communities…</p> : null}
      {data && data.length === 0 ? (
        <p>You are not in any community yet. Start one below, or ask a facilitator to invite you.</p>
      ) : null}
      {data && data.length > 0 ? (
        <ul className="card-list">
          {data.map((community) => (
            <li key={community.id}>
              <h2 className="card-title">
                <Link to={`/communities/${community.id}`}>{community.name}</Link>
              </h2>
              <p>{community.purpose}</p>
              {community.role ? <span className="tag">You are: {ROLE_LABELS[community.role]}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <h2 id="create-community-heading">Start a community</h2>
      <CreateCommunityForm onCreated={(community) => navigate(`/communities/${community.id}`)} />
    </Page>
  );
}
