import type { Meeting } from '@common-ground/shared';
import { StageEditor } from './StageEditor.tsx';

/** The meeting's stages in order, the current one marked; whoever runs the meeting moves to any stage. */
export function ProcessBoard({
  meeting,
  names,
  mayRun,
  onMove,
  onEdited,
}: {
  meeting: Meeting;
  names: Map<string, string>;
  mayRun: boolean;
  onMove(stageId: string): void;
  onEdited(meeting: Meeting): void;
}) {
  const live = meeting.status === 'live';
  return (
    <section aria-labelledby="board-heading" className="process-board">
      <h2 id="board-heading">Process board</h2>
      <ol className="stage-list">
        {meeting.stages.map((stage) => {
          const current = live && stage.id === meeting.currentStageId;
          return (
            <li
              key={stage.id}
              className={current ? 'stage stage-current' : 'stage'}
              aria-current={current ? 'step' : undefined}
            >
              <span className="stage-title">{stage.title}</span>{' '}
              <span className="hint">
                {stage.minutes} min
                {stage.presenterId ? `, presenter: ${names.get(stage.presenterId) ?? 'a member'}` : ''}
              </span>
              {current ? <span className="tag tag-green">Now</span> : null}
              {mayRun && live && !current ? (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Move to this stage: ${stage.title}`}
                  onClick={() => onMove(stage.id)}
                >
                  Move to this stage
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      {mayRun && meeting.status !== 'ended' ? <StageEditor meeting={meeting} onSaved={onEdited} /> : null}
    </section>
  );
}
