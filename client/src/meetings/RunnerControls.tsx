import { SOCKET_EVENTS, type Meeting } from '@common-ground/shared';
import type { useMeeting } from './useMeeting.ts';

type Send = ReturnType<typeof useMeeting>['send'];

/** What whoever runs the meeting does: start and end it, drive the clock, and choose typed questions. */
export function RunnerControls({
  meeting,
  send,
  onTypedQuestions,
}: {
  meeting: Meeting;
  send: Send;
  onTypedQuestions(on: boolean): void;
}) {
  const meetingId = meeting.id;
  const timer = (action: 'start' | 'pause' | 'resume' | 'add', seconds?: number) =>
    void send(SOCKET_EVENTS.meetingTimer, {
      meetingId,
      action,
      ...(seconds === undefined ? {} : { seconds }),
    });
  return (
    <section aria-labelledby="run-heading" className="runner-controls">
      <h2 id="run-heading">Run the meeting</h2>
      {meeting.status === 'scheduled' ? (
        <button
          type="button"
          className="button"
          onClick={() => void send(SOCKET_EVENTS.meetingStart, { meetingId })}
        >
          Start the meeting
        </button>
      ) : null}
      {meeting.status === 'live' ? (
        <>
          <div className="inline-form" role="group" aria-label="Clock">
            {meeting.timer?.pausedAt ? (
              <button type="button" className="button button-secondary" onClick={() => timer('resume')}>
                Resume the clock
              </button>
            ) : (
              <button type="button" className="button button-secondary" onClick={() => timer('pause')}>
                Pause the clock
              </button>
            )}
            <button type="button" className="button button-secondary" onClick={() => timer('add', 60)}>
              Add a minute
            </button>
            <button type="button" className="button button-secondary" onClick={() => timer('add', -60)}>
              Take off a minute
            </button>
            <button type="button" className="button button-secondary" onClick={() => timer('start')}>
              Restart the stage clock
            </button>
          </div>
          <button
            type="button"
            className="button button-warning"
            onClick={() => void send(SOCKET_EVENTS.meetingEnd, { meetingId })}
          >
            End the meeting
          </button>
        </>
      ) : null}
      {meeting.status !== 'ended' ? (
        <div className="form-group checkbox-row">
          <input
            type="checkbox"
            id="typed-questions"
            checked={meeting.settings.typedQuestions}
            onChange={(event) => onTypedQuestions(event.target.checked)}
          />
          <label htmlFor="typed-questions">Take typed questions in the questions round</label>
        </div>
      ) : null}
    </section>
  );
}
