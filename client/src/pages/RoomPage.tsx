import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { can, isReadOnly, ROOM_KIND_LABELS } from '@common-ground/shared';
import { getRoom } from '../api/rooms.ts';
import { DocumentPanel } from '../collaboration/DocumentPanel.tsx';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { Page } from '../components/Page.tsx';
import { PanelBoundary } from '../components/PanelBoundary.tsx';
import { RoomLayout } from '../components/RoomLayout.tsx';
import { SessionUnavailable } from '../components/SessionUnavailable.tsx';
import { ROLE_LABELS } from '../components/roleLabels.ts';
import { VisitorPassSection } from '../components/VisitorPassSection.tsx';
import { useApiData } from '../hooks/useApiData.ts';
import { useSession } from '../hooks/useSession.ts';
import { DiscussionPanel } from '../discussion/DiscussionPanel.tsx';
import { LearningSetSections } from '../learningSets/LearningSetSections.tsx';
import { OrganisationName } from '../components/OrganisationName.tsx';
import { organisationLabel } from '../components/organisationLabel.ts';
import { PartnershipSections } from '../partnerships/PartnershipSections.tsx';
import { VisitEndedPage } from './VisitEndedPage.tsx';

/** A room: its kind, organisations and the caller's role, the live document and discussion, and visitor passes. */
export function RoomPage() {
  const { id = '' } = useParams();
  const { session, endedVisit } = useSession();
  if (session.status === 'loading') return <p role="status">Loading…</p>;
  if (session.status === 'unavailable') return <SessionUnavailable message={session.message} />;
  if (session.status === 'signed-out' && endedVisit) return <VisitEndedPage visit={endedVisit} />;
  if (session.status === 'signed-out') {
    return (
      <Page title="Sign in to see this room">
        <p>This room is for members of its community, or for open-day visitors with a pass link.</p>
        <p>
          <Link className="button" to={`/sign-in?next=${encodeURIComponent(`/rooms/${id}`)}`}>
            Sign in
          </Link>
        </p>
      </Page>
    );
  }
  return <RoomView id={id} isVisitor={session.status === 'visitor'} />;
}

function RoomView({ id, isVisitor }: { id: string; isVisitor: boolean }) {
  const load = useCallback(() => getRoom(id), [id]);
  const { data: room, error, reload } = useApiData(load);
  if (error) return <LoadProblem error={error} what="Room" />;
  if (!room) return <p role="status">Loading the room…</p>;
  const kindLabel = ROOM_KIND_LABELS[room.kind];

  return (
    // A community's own space is titled after it; its name above the title would say it twice.
    <Page
      title={room.title}
      caption={room.title.startsWith(room.communityName) ? undefined : room.communityName}
    >
      <p className="room-meta">
        <span className="tag">{kindLabel}</span>
        {isVisitor ? null : <Link to={`/communities/${room.communityId}`}>Back to {room.communityName}</Link>}
      </p>
      {isReadOnly(room.role) ? (
        <p className="notice" data-testid="read-only-notice">
          <strong>You are watching: read-only.</strong> You can read the document and the discussion as they
          happen, but not change them.
        </p>
      ) : null}
      <RoomLayout
        about={
          <>
            <dl className="summary-list">
              {room.sourceOrganisation ? (
                <div>
                  <dt>Source organisation</dt>
                  <dd>
                    <OrganisationName organisation={room.sourceOrganisation} />
                  </dd>
                </div>
              ) : null}
              {room.recipientOrganisations.length ? (
                <div>
                  <dt>
                    {room.recipientOrganisations.length === 1
                      ? 'Recipient organisation'
                      : 'Recipient organisations'}
                  </dt>
                  <dd>{room.recipientOrganisations.map(organisationLabel).join(', ')}</dd>
                </div>
              ) : null}
              <div>
                <dt>Your role</dt>
                <dd data-testid="room-role">{room.role ? ROLE_LABELS[room.role] : 'Not in this set'}</dd>
              </div>
            </dl>
            {room.learningSet ? <LearningSetSections room={room} onChanged={reload} /> : null}
          </>
        }
        document={
          <PanelBoundary name="learning document">
            <DocumentPanel room={room} />
          </PanelBoundary>
        }
        discussion={
          <PanelBoundary name="discussion">
            <DiscussionPanel room={room} />
          </PanelBoundary>
        }
        after={
          <>
            {room.kind === 'partnership' && room.role ? (
              <PanelBoundary name="partnership">
                <PartnershipSections room={room} onChanged={reload} />
              </PanelBoundary>
            ) : null}
            {room.kind === 'open-day' && can(room.role, 'visitorPass.manage') ? (
              <VisitorPassSection roomId={room.id} />
            ) : null}
          </>
        }
      />
    </Page>
  );
}
