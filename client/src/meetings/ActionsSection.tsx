import { useState } from 'react';
import {
  mayWriteAction,
  SOCKET_EVENTS,
  type Meeting,
  type MeetingAction,
  type MeetingViewer,
} from '@common-ground/shared';
import { TextField } from '../components/TextField.tsx';
import type { useMeeting } from './useMeeting.ts';

type Send = ReturnType<typeof useMeeting>['send'];

/**
 * Actions: the reflection round lists open actions from earlier meetings, each answered by its owner ("what did I
 * do, and what did I learn?"); the presenter writes their own new actions.
 */
export function ActionsSection({
  meeting,
  actions,
  viewer,
  mayWrite,
  send,
}: {
  meeting: Meeting;
  actions: MeetingAction[];
  viewer: MeetingViewer;
  mayWrite: boolean;
  send: Send;
}) {
  const earlier = actions.filter((action) => action.meetingId !== meeting.id);
  const here = actions.filter((action) => action.meetingId === meeting.id);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <section aria-labelledby="reflection-heading">
        <h2 id="reflection-heading">Reflection on actions from earlier meetings</h2>
        {earlier.length ? (
          <ul className="card-list" data-testid="earlier-actions">
            {earlier.map((action) => (
              <li key={action.id} className="card-row">
                <p>
                  <strong>{action.ownerName}</strong>: {action.text}
                </p>
                {action.reflection ? (
                  <p>What I did, and what I learned: {action.reflection}</p>
                ) : mayWrite && mayWriteAction(viewer, action) ? (
                  <ReflectionForm action={action} meetingId={meeting.id} send={send} />
                ) : (
                  <p className="hint">Not reflected on yet.</p>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>No open actions from earlier meetings.</p>
        )}
      </section>
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">Actions from this meeting</h2>
        {here.length ? (
          <ul data-testid="meeting-actions">
            {here.map((action) => (
              <li key={action.id}>
                <strong>{action.ownerName}</strong>: {action.text}
              </li>
            ))}
          </ul>
        ) : (
          <p>No actions yet. Each presenter writes their own.</p>
        )}
        {mayWrite ? (
          <form
            aria-label="Your action"
            onSubmit={(event) => {
              event.preventDefault();
              setProblem(null);
              void send(SOCKET_EVENTS.actionUpdate, { meetingId: meeting.id, text: draft }).then((error) =>
                error ? setProblem(error.message) : setDraft(''),
              );
            }}
          >
            <TextField
              id="action-draft"
              label="An action you will take"
              hint="Only you write your actions. At the next meeting you say what you did and what you learned."
              value={draft}
              onChange={setDraft}
            />
            <button type="submit" className="button">
              Add your action
            </button>
          </form>
        ) : null}
        {problem ? <p className="error-message">{problem}</p> : null}
      </section>
    </>
  );
}

function ReflectionForm({
  action,
  meetingId,
  send,
}: {
  action: MeetingAction;
  meetingId: string;
  send: Send;
}) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      aria-label={`Your reflection on: ${action.text}`}
      onSubmit={(event) => {
        event.preventDefault();
        void send(SOCKET_EVENTS.actionUpdate, { meetingId, actionId: action.id, reflection: draft }).then(
          (error) => (error ? setProblem(error.message) : setDraft('')),
        );
      }}
    >
      <TextField
        id={`reflection-${action.id}`}
        label="What did I do, and what did I learn?"
        multiline
        value={draft}
        onChange={setDraft}
      />
      {problem ? <p className="error-message">{problem}</p> : null}
      <button type="submit" className="button button-secondary">
        Save your reflection
      </button>
    </form>
  );
}
