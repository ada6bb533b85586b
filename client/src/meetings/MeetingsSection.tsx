import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { can, type Room } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { cpdRecordUrl, createMeeting, listMeetings } from '../api/meetings.ts';
import { formatDateTime } from '../components/formatDateTime.ts';
import { TextField } from '../components/TextField.tsx';
import { useApiData } from '../hooks/useApiData.ts';
import { EndSetForm } from './EndSetForm.tsx';

const STATUS_LABELS = { scheduled: 'Scheduled', live: 'Live now', ended: 'Ended' } as const;

/** A learning set's meetings on its room page: the list, scheduling one, and each member's own CPD record. */
export function MeetingsSection({ room }: { room: Room }) {
  const load = useCallback(() => listMeetings(room.id), [room.id]);
  const state = useApiData(load);
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const mayRun = can(room.role, 'meeting.run');

  const schedule = async () => {
    try {
      setProblem(null);
      await createMeeting(room.id, { title, startsAt: new Date(startsAt).toISOString() });
      setTitle('');
      setStartsAt('');
      state.reload();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'That did not work. Try again.');
    }
  };

  return (
    <section aria-labelledby="meetings-heading" className="meetings">
      <h2 id="meetings-heading">Meetings</h2>
      {state.error ? <p className="error-message">{state.error.message}</p> : null}
      {state.data && !state.data.length ? <p>No meetings yet.</p> : null}
      {state.data?.length ? (
        <ul className="card-list" data-testid="meeting-list">
          {state.data.map((meeting) => (
            <li key={meeting.id} className="card-row">
              <Link to={`/meetings/${meeting.id}`} className="card-title">
                {meeting.title}
              </Link>{' '}
              <span>{formatDateTime(meeting.startsAt)}</span>{' '}
              <span className={meeting.status === 'live' ? 'tag tag-green' : 'tag tag-grey'}>
                {STATUS_LABELS[meeting.status]}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {mayRun ? (
        <form
          aria-labelledby="schedule-heading"
          onSubmit={(event) => {
            event.preventDefault();
            void schedule();
          }}
        >
          <h3 id="schedule-heading">Schedule a meeting</h3>
          <TextField id="meeting-title" label="Title" value={title} onChange={setTitle} />
          <TextField
            id="meeting-starts"
            label="Starts at"
            type="datetime-local"
            value={startsAt}
            onChange={setStartsAt}
          />
          {problem ? <p className="error-message">{problem}</p> : null}
          <button type="submit" className="button">
            Schedule the meeting
          </button>
        </form>
      ) : null}
      <h3>Your CPD record</h3>
      <p>
        Your own record of this set: the meetings you were at, your time presenting, and your actions and
        reflections. It names nobody else.
      </p>
      <ul className="link-list">
        <li>
          <a href={cpdRecordUrl(room.id, 'markdown')} download>
            Download your CPD record (Markdown)
          </a>
        </li>
        <li>
          <a href={cpdRecordUrl(room.id, 'pdf')} download>
            Download your CPD record (PDF)
          </a>
        </li>
      </ul>
      {room.learningSet?.abilities.manage ? <EndSetForm roomId={room.id} /> : null}
    </section>
  );
}
