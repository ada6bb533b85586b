import { useCallback, useState } from 'react';
import { correctAttendance, getMeeting } from '../api/meetings.ts';
import { useApiData } from '../hooks/useApiData.ts';

/** Who was at the meeting, from live presence, corrected by hand; seen by the set's facilitators only. */
export function AttendanceSection({
  meetingId,
  people,
}: {
  meetingId: string;
  people: { id: string; name: string }[];
}) {
  const load = useCallback(() => getMeeting(meetingId), [meetingId]);
  const state = useApiData(load);
  const [problem, setProblem] = useState<string | null>(null);
  const attendance = state.data?.attendance ?? [];
  return (
    <section aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">Attendance</h2>
      <p className="hint">
        Recorded when people join the meeting here. Tick anyone who joined by phone or in the room.
      </p>
      <ul className="link-list" data-testid="attendance">
        {people.map((person) => {
          const entry = attendance.find((row) => row.userId === person.id);
          return (
            <li key={person.id} className="checkbox-row">
              <input
                type="checkbox"
                id={`attended-${person.id}`}
                checked={entry?.present ?? false}
                onChange={(event) =>
                  void correctAttendance(meetingId, person.id, event.target.checked).then(
                    () => state.reload(),
                    () => setProblem('That did not work. Try again.'),
                  )
                }
              />
              <label htmlFor={`attended-${person.id}`}>{person.name}</label>
            </li>
          );
        })}
      </ul>
      {problem ? <p className="error-message">{problem}</p> : null}
    </section>
  );
}
