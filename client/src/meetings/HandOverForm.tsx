import { useState } from 'react';
import { can, type Meeting, type SetMember } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { updateMeeting } from '../api/meetings.ts';
import { SelectField } from '../components/SelectField.tsx';

const FACILITATORS = 'facilitators';

/** A set facilitator hands one meeting to a member to run (sets learn to facilitate themselves), or takes it back. */
export function HandOverForm({
  meeting,
  members,
  onChanged,
}: {
  meeting: Meeting;
  members: SetMember[];
  onChanged(meeting: Meeting): void;
}) {
  const [runner, setRunner] = useState(meeting.runnerId ?? FACILITATORS);
  const [news, setNews] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const options = [
    { value: FACILITATORS, label: 'The set’s facilitators' },
    ...members
      .filter((member) => can(member.role, 'meeting.participate') && !can(member.role, 'meeting.run'))
      .map((member) => ({ value: member.userId, label: member.person.displayName })),
  ];
  return (
    <form
      aria-labelledby="hand-over-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setProblem(null);
        updateMeeting(meeting.id, { runnerId: runner === FACILITATORS ? null : runner }).then(
          (changed) => {
            onChanged(changed);
            setNews('Saved: who runs this meeting.');
          },
          (error: unknown) => setProblem(error instanceof ApiError ? error.message : 'That did not work.'),
        );
      }}
    >
      <h3 id="hand-over-heading">Who runs this meeting</h3>
      <SelectField id="meeting-runner" label="Run by" value={runner} onChange={setRunner} options={options} />
      <div role="status" aria-live="polite">
        {news ? <p className="notice">{news}</p> : null}
      </div>
      {problem ? <p className="error-message">{problem}</p> : null}
      <button type="submit" className="button button-secondary">
        Save who runs it
      </button>
    </form>
  );
}
