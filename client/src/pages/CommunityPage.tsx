import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { can, ROOM_KIND_LABELS, ROOM_KINDS, type Room } from '@common-ground/shared';
import { getCommunity } from '../api/communities.ts';
import { listRooms } from '../api/rooms.ts';
import { CreateRoomForm } from '../components/CreateRoomForm.tsx';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { ROLE_LABELS } from '../components/roleLabels.ts';
import { useApiData } from '../hooks/useApiData.ts';
import { InnovationList } from '../innovations/InnovationList.tsx';
import { OpenDayList } from '../openDays/OpenDayList.tsx';
import { SharedReflections } from '../partnerships/SharedReflections.tsx';
import '../innovations/innovations.css';
import { organisationLabel } from '../components/organisationLabel.ts';

/** One community of practice: its purpose, its rooms by kind, the community space and members. */
export function CommunityPage() {
  const { id = '' } = useParams();
  return <RequireUser>{() => <CommunityView id={id} />}</RequireUser>;
}

function CommunityView({ id }: { id: string }) {
  const loadCommunity = useCallback(() => getCommunity(id), [id]);
  const loadRooms = useCallback(() => listRooms(id), [id]);
  const community = useApiData(loadCommunity);
  const rooms = useApiData(loadRooms);
  const navigate = useNavigate();

  if (community.error) return <LoadProblem error={community.error} what="Community" />;
  if (!community.data) return <p role="status">Loading the community…</p>;
  const { name, purpose, role, spaceRoomId } = community.data;

  return (
    <Page title={name} caption="Community of practice">
      <p className="lead">{purpose}</p>
      {role ? <p>Your role: {ROLE_LABELS[role]}</p> : null}
      <ul className="link-list">
        {spaceRoomId ? (
          <li>
            <Link to={`/rooms/${spaceRoomId}`}>Community space</Link>: discussion with the whole community
          </li>
        ) : null}
        {can(role, 'member.list') ? (
          <li>
            <Link to={`/communities/${id}/members`}>Members</Link>
            {can(role, 'member.invite') ? ' and invitations' : ''}
          </li>
        ) : null}
        {can(role, 'community.audit') ? (
          <li>
            <Link to={`/communities/${id}/audit`}>Audit log</Link>: who joined, left or changed roles
          </li>
        ) : null}
      </ul>

      <InnovationList communityId={id} />
      <SharedReflections communityId={id} />

      {can(role, 'openday.host') ? <OpenDayList communityId={id} /> : null}

      <h2>Rooms</h2>
      {rooms.error ? <p className="error-message">{rooms.error.message}</p> : null}
      {!rooms.data && !rooms.error ? <p role="status">Loading rooms…</p> : null}
      {rooms.data && rooms.data.length === 0 ? <p>There are no rooms yet.</p> : null}
      {rooms.data
        ? ROOM_KINDS.map((kind) => (
            <RoomGroup key={kind} rooms={rooms.data!.filter((r) => r.kind === kind)} />
          ))
        : null}

      {can(role, 'room.create') ? (
        <>
          <h2 id="create-room-heading">Create a room</h2>
          <CreateRoomForm communityId={id} onCreated={(room) => navigate(`/rooms/${room.id}`)} />
        </>
      ) : null}
    </Page>
  );
}

function RoomGroup({ rooms }: { rooms: Room[] }) {
  const first = rooms[0];
  if (!first) return null;
  const label = ROOM_KIND_LABELS[first.kind];
  return (
    <section aria-label={label}>
      <h3>{label}s</h3>
      <ul className="card-list">
        {rooms.map((room) => (
          <li key={room.id}>
            {room.role ? (
              <Link to={`/rooms/${room.id}`}>{room.title}</Link>
            ) : (
              <>
                {room.title}{' '}
                <Link to={`/communities/${room.communityId}/sets/${room.id}/people`}>
                  Who is in it <span className="visually-hidden">({room.title})</span>
                </Link>
              </>
            )}{' '}
            <span className="tag">{label}</span>
            {room.sourceOrganisation ? (
              <p className="hint">
                {organisationLabel(room.sourceOrganisation)} with{' '}
                {room.recipientOrganisations.map(organisationLabel).join(', ')}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
