import { useCallback, useRef, useState } from 'react';
import { GROUND_RULES_LIMITS, SUGGESTED_GROUND_RULES } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { agreeToGroundRules, getGroundRules, writeGroundRules } from '../api/learningSets.ts';
import { TextField } from '../components/TextField.tsx';
import { useApiData } from '../hooks/useApiData.ts';

/**
 * A learning set's ground rules: everyone reads them and agrees before taking part (again when they change or someone
 * joins); the set's facilitators write them, starting from the suggestions.
 */
export function GroundRulesSection({ roomId, onAgreed }: { roomId: string; onAgreed(): void }) {
  const load = useCallback(() => getGroundRules(roomId), [roomId]);
  const state = useApiData(load);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [news, setNews] = useState<string | null>(null);
  const status = useRef<HTMLDivElement>(null);

  if (state.error) return <p className="error-message">{state.error.message}</p>;
  if (!state.data) return <p role="status">Loading the ground rules…</p>;
  const { groundRules, set } = state.data;

  const tell = (text: string) => {
    setNews(text);
    status.current?.focus();
  };
  const act = async (action: () => Promise<unknown>, message: string) => {
    try {
      setProblem(null);
      await action();
      state.reload();
      onAgreed();
      tell(message);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'That did not work. Try again.');
      state.reload();
    }
  };
  const startEditing = () => {
    setDraft((groundRules?.rules ?? SUGGESTED_GROUND_RULES).join('\n\n'));
    setEditing(true);
  };
  const rulesFromDraft = () =>
    draft
      .split(/\n\s*\n/)
      .map((rule) => rule.trim())
      .filter(Boolean);

  return (
    <section aria-labelledby="ground-rules-heading" className="ground-rules">
      <h2 id="ground-rules-heading">Ground rules</h2>
      <div role="status" aria-live="polite" tabIndex={-1} ref={status} className="focus-target">
        {news ? <p className="notice">{news}</p> : null}
      </div>
      {groundRules ? (
        <ol data-testid="ground-rules">
          {groundRules.rules.map((rule, index) => (
            <li key={index}>{rule}</li>
          ))}
        </ol>
      ) : (
        <p>This set has not written its ground rules yet. Its facilitators start from suggestions.</p>
      )}
      {groundRules && set.abilities.agree ? (
        set.agreed ? (
          <p data-testid="ground-rules-agreed">You have agreed to these ground rules.</p>
        ) : (
          <div className="notice">
            <p>
              <strong>Please read these ground rules and agree to them before taking part.</strong> Everyone
              agrees again when they change or someone joins.
            </p>
            <button
              type="button"
              className="button"
              onClick={() =>
                void act(
                  () => agreeToGroundRules(roomId, groundRules.revision),
                  'Thank you: you have agreed to the ground rules.',
                )
              }
            >
              I agree to these ground rules
            </button>
          </div>
        )
      ) : null}
      {problem ? <p className="error-message">{problem}</p> : null}
      {set.abilities.manage && !editing ? (
        <button type="button" className="button button-secondary" onClick={startEditing}>
          {groundRules ? 'Change the ground rules' : 'Write the ground rules'}
        </button>
      ) : null}
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void act(
              () => writeGroundRules(roomId, rulesFromDraft()),
              'The ground rules are saved. Everyone agrees again.',
            ).then(() => setEditing(false));
          }}
        >
          <TextField
            id="ground-rules-draft"
            label="Ground rules for this set"
            hint={`One rule per paragraph: leave a blank line between rules. Up to ${GROUND_RULES_LIMITS.rules} rules.`}
            multiline
            value={draft}
            onChange={setDraft}
          />
          <div className="inline-form">
            <button type="submit" className="button">
              Save the ground rules
            </button>
            <button type="button" className="button button-secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
