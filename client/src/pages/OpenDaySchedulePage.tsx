import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { can } from '@common-ground/shared';
import { getCommunity } from '../api/communities.ts';
import { listInnovations } from '../api/innovations.ts';
import { openDaysApi } from '../api/openDays.ts';
import { listRooms } from '../api/rooms.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { useApiData } from '../hooks/useApiData.ts';
import { OpenDayForm } from '../openDays/OpenDayForm.tsx';
import { blankOpenDay, openDayBodyOf } from '../openDays/openDayDraft.ts';
import '../openDays/openDays.css';

/** Scheduling an open day in a community (capability `openday.host`). */
export function OpenDaySchedulePage() {
  const { id = '' } = useParams();
  return <RequireUser>{() => <Schedule communityId={id} />}</RequireUser>;
}

function Schedule({ communityId }: { communityId: string }) {
  const loadCommunity = useCallback(() => getCommunity(communityId), [communityId]);
  const loadRooms = useCallback(() => listRooms(communityId), [communityId]);
  const loadInnovations = useCallback(() => listInnovations(communityId), [communityId]);
  const community = useApiData(loadCommunity);
  const rooms = useApiData(loadRooms);
  const innovations = useApiData(loadInnovations);
  const navigate = useNavigate();

  if (community.error) return <LoadProblem error={community.error} what="Community" />;
  if (!community.data || !rooms.data || !innovations.data) return <p role="status">Loading…</p>;
  if (!can(community.data.role, 'openday.host')) {
    return (
      <Page title="You cannot schedule open days here">
        <p>Only the community’s facilitators can host open days.</p>
        <p>
          <Link to={`/communities/${communityId}`}>Back to {community.data.name}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title="Schedule an open day" caption={community.data.name}>
      <p>
        Visitors register by work email on a public page and get their pass by email. A room for the day is
        made for you.
      </p>
      <OpenDayForm
        initial={blankOpenDay()}
        rooms={rooms.data.filter((room) => room.role !== null)}
        innovations={innovations.data.innovations}
        submitLabel="Schedule the open day"
        save={async (draft) => {
          const openDay = await openDaysApi.create(communityId, openDayBodyOf(draft));
          navigate(`/hosted-open-days/${openDay.id}`);
        }}
      />
    </Page>
  );
}
