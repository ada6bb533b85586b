import { useCallback } from 'react';
import { useNavigate, useParams } from 'react-router';
import { listInnovations } from '../api/innovations.ts';
import { openDaysApi } from '../api/openDays.ts';
import { listRooms } from '../api/rooms.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { useApiData } from '../hooks/useApiData.ts';
import { OpenDayForm } from '../openDays/OpenDayForm.tsx';
import { draftOf, openDayBodyOf } from '../openDays/openDayDraft.ts';
import '../openDays/openDays.css';

/** Changing an open day's details; everyone registered is emailed about the change. */
export function OpenDayEditPage() {
  const { id = '' } = useParams();
  return <RequireUser>{() => <Edit id={id} />}</RequireUser>;
}

function Edit({ id }: { id: string }) {
  const load = useCallback(() => openDaysApi.get(id), [id]);
  const openDay = useApiData(load);
  const communityId = openDay.data?.communityId ?? '';
  const loadRooms = useCallback(
    () => (communityId ? listRooms(communityId) : Promise.resolve([])),
    [communityId],
  );
  const loadInnovations = useCallback(
    () =>
      communityId ? listInnovations(communityId) : Promise.resolve({ innovations: [], canCreate: false }),
    [communityId],
  );
  const rooms = useApiData(loadRooms);
  const innovations = useApiData(loadInnovations);
  const navigate = useNavigate();
  if (openDay.error) return <LoadProblem error={openDay.error} what="Open day" />;
  if (!openDay.data || !rooms.data || !innovations.data) return <p role="status">Loading…</p>;
  return (
    <Page title={`Change ${openDay.data.title}`} caption="Open day you host">
      <p className="notice">Everyone registered is emailed when you save a change to the details.</p>
      <OpenDayForm
        initial={draftOf(openDay.data)}
        rooms={rooms.data.filter((room) => room.role !== null)}
        innovations={innovations.data.innovations}
        submitLabel="Save changes"
        save={async (draft) => {
          const body = openDayBodyOf(draft);
          await openDaysApi.update(id, {
            ...body,
            venue: body.venue ?? null,
            accessInformation: body.accessInformation ?? null,
            onlineJoinUrl: body.onlineJoinUrl ?? null,
            innovationId: body.innovationId ?? null,
          });
          navigate(`/hosted-open-days/${id}`);
        }}
      />
    </Page>
  );
}
