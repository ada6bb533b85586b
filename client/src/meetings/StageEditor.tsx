import { useState } from 'react';
import { MEETING_LIMITS, type Meeting, type MeetingStage } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { updateMeeting } from '../api/meetings.ts';

/** Whoever runs the meeting edits its stages, before or during it: titles, minutes, order, more or fewer. */
export function StageEditor({ meeting, onSaved }: { meeting: Meeting; onSaved(meeting: Meeting): void }) {
  const [editing, setEditing] = useState(false);
  const [stages, setStages] = useState<MeetingStage[]>(meeting.stages);
  const [problem, setProblem] = useState<string | null>(null);
  if (!editing)
    return (
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          setStages(meeting.stages);
          setEditing(true);
        }}
      >
        Edit the stages
      </button>
    );
  const change = (index: number, patch: Partial<MeetingStage>) =>
    setStages(stages.map((stage, at) => (at === index ? { ...stage, ...patch } : stage)));
  return (
    <form
      aria-labelledby="edit-stages-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setProblem(null);
        updateMeeting(meeting.id, { stages }).then(
          (saved) => {
            onSaved(saved);
            setEditing(false);
          },
          (error: unknown) => setProblem(error instanceof ApiError ? error.message : 'That did not work.'),
        );
      }}
    >
      <h3 id="edit-stages-heading">Edit the stages</h3>
      <ol className="stage-list">
        {stages.map((stage, index) => (
          <li key={stage.id} className="stage">
            <label htmlFor={`stage-title-${stage.id}`}>Stage {index + 1} title</label>
            <input
              id={`stage-title-${stage.id}`}
              type="text"
              value={stage.title}
              onChange={(event) => change(index, { title: event.target.value })}
            />
            <label htmlFor={`stage-minutes-${stage.id}`}>Minutes</label>
            <input
              id={`stage-minutes-${stage.id}`}
              type="number"
              inputMode="numeric"
              min={1}
              max={MEETING_LIMITS.stageMinutes}
              value={stage.minutes}
              onChange={(event) => change(index, { minutes: Number(event.target.value) })}
            />{' '}
            {stage.id !== meeting.currentStageId ? (
              <button
                type="button"
                className="link-button"
                aria-label={`Remove stage: ${stage.title}`}
                onClick={() => setStages(stages.filter((_, at) => at !== index))}
              >
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-secondary"
        onClick={() =>
          setStages([
            ...stages,
            { id: `extra-${Date.now().toString(36)}`, kind: 'review', title: 'New stage', minutes: 5 },
          ])
        }
      >
        Add a stage
      </button>
      {problem ? <p className="error-message">{problem}</p> : null}
      <div className="inline-form">
        <button type="submit" className="button">
          Save the stages
        </button>
        <button type="button" className="button button-secondary" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
