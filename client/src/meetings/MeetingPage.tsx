import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { currentPresenterId, meetingAbilities, SOCKET_EVENTS, type User } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { listSetMembers } from '../api/learningSets.ts';
import { orderPresenters, updateMeeting } from '../api/meetings.ts';
import { getRoom } from '../api/rooms.ts';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { useApiData } from '../hooks/useApiData.ts';
import { ActionsSection } from './ActionsSection.tsx';
import { AttendanceSection } from './AttendanceSection.tsx';
import { BidsSection } from './BidsSection.tsx';
import { HandOverForm } from './HandOverForm.tsx';
import { MeetingClock } from './MeetingClock.tsx';
import { NotesSection } from './NotesSection.tsx';
import { ProcessBoard } from './ProcessBoard.tsx';
import { QuestionsSection } from './QuestionsSection.tsx';
import { RunnerControls } from './RunnerControls.tsx';
import { useMeeting } from './useMeeting.ts';

const STATUS_LABELS = { scheduled: 'Not started yet', live: 'Live now', ended: 'Ended' } as const;

/** A learning set's meeting: the process board, the fair clock, bids, questions, actions and attendance. */
export function MeetingPage() {
  const { id = '' } = useParams();
  return <RequireUser>{(user) => <MeetingScreen meetingId={id} user={user} />}</RequireUser>;
}

function MeetingScreen({ meetingId, user }: { meetingId: string; user: User }) {
  const { view, error, send, replaceMeeting } = useMeeting(meetingId);
  const roomId = view?.meeting.roomId ?? null;
  const loadSet = useCallback(
    async () => (roomId ? { room: await getRoom(roomId), people: await listSetMembers(roomId) } : null),
    [roomId],
  );
  const set = useApiData(loadSet);
  const [problem, setProblem] = useState<string | null>(null);

  if (error)
    return (
      <Page title="Meeting" caption="Learning set meeting">
        <p className="error-message" data-testid="meeting-error">
          {error.code === 'ground_rules'
            ? 'Please read and agree to your set’s ground rules before joining its meetings. You will find them on the set’s page.'
            : error.message}
        </p>
      </Page>
    );
  if (!view || !set.data) return <p role="status">Loading the meeting…</p>;

  const { meeting } = view;
  const { room, people } = set.data;
  const viewer = { id: user.id, role: room.role, agreed: room.learningSet?.agreed ?? false };
  const may = meetingAbilities(viewer, meeting);
  const names = new Map(people.members.map((member) => [member.userId, member.person.displayName]));
  const stage = meeting.stages.find((candidate) => candidate.id === meeting.currentStageId);
  const presenterId = currentPresenterId(meeting);
  const act = async (change: () => Promise<void>) => {
    try {
      setProblem(null);
      await change();
    } catch (caught) {
      setProblem(caught instanceof ApiError ? caught.message : 'That did not work. Try again.');
    }
  };

  return (
    <Page title={meeting.title} caption="Learning set meeting">
      <div className="meeting-page">
        <p>
          <Link to={`/rooms/${meeting.roomId}`}>Back to {room.title}</Link>
        </p>
        <div className="meeting-now" data-testid="meeting-now">
          <p>
            <strong>{STATUS_LABELS[meeting.status]}</strong>
            {meeting.status === 'live' && stage ? (
              <>
                {' '}
                · Now: <span data-testid="current-stage">{stage.title}</span>
                {presenterId ? ` · Presenter: ${names.get(presenterId) ?? 'a member'}` : ''}
              </>
            ) : null}
          </p>
        </div>
        {meeting.status === 'live' ? (
          <section aria-labelledby="clock-heading">
            <h2 id="clock-heading">Clock</h2>
            <MeetingClock meeting={meeting} offsetMs={view.offsetMs} />
            {may.hideClock ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  void send(SOCKET_EVENTS.meetingClock, { meetingId, hidden: !meeting.clockHidden })
                }
              >
                {meeting.clockHidden ? 'Show the clock to everyone' : 'Hide the clock during my slot'}
              </button>
            ) : null}
          </section>
        ) : null}
        {problem ? <p className="error-message">{problem}</p> : null}
        {may.run ? (
          <RunnerControls
            meeting={meeting}
            send={async (...args) => {
              const failed = await send(...args);
              setProblem(failed?.message ?? null);
              return failed;
            }}
            onTypedQuestions={(typedQuestions) =>
              void act(async () =>
                replaceMeeting(await updateMeeting(meetingId, { settings: { typedQuestions } })),
              )
            }
          />
        ) : null}
        {may.manage && meeting.status !== 'ended' ? (
          <HandOverForm meeting={meeting} members={people.members} onChanged={replaceMeeting} />
        ) : null}
        <ProcessBoard
          meeting={meeting}
          names={names}
          mayRun={may.run}
          onMove={(stageId) => void send(SOCKET_EVENTS.meetingStage, { meetingId, stageId })}
          onEdited={replaceMeeting}
        />
        <BidsSection
          meeting={meeting}
          bids={view.bids}
          mayBid={may.participate}
          mayRun={may.run}
          send={send}
          onOrder={async (userIds) => {
            try {
              replaceMeeting(await orderPresenters(meetingId, userIds));
              return null;
            } catch (caught) {
              return caught instanceof ApiError ? caught.message : 'That did not work. Try again.';
            }
          }}
        />
        {meeting.settings.typedQuestions ? (
          <QuestionsSection
            meeting={meeting}
            questions={view.questions}
            helpfulMessageIds={view.helpfulMessageIds}
            mayAsk={may.participate && meeting.status === 'live'}
            mayMarkHelpful={may.markHelpful}
            send={send}
          />
        ) : null}
        <ActionsSection
          meeting={meeting}
          actions={view.actions}
          viewer={viewer}
          mayWrite={may.participate}
          send={send}
        />
        <NotesSection
          meetingId={meetingId}
          room={room}
          userId={user.id}
          members={people.members}
          mayOptIn={may.optInNotes}
        />
        {may.manage ? (
          <AttendanceSection
            meetingId={meetingId}
            people={people.members.map((member) => ({ id: member.userId, name: member.person.displayName }))}
          />
        ) : null}
      </div>
    </Page>
  );
}
