import { useState } from 'react';
import {
  ADVICE_PROMPT,
  looksLikeAdvice,
  SOCKET_EVENTS,
  type Meeting,
  type Message,
} from '@common-ground/shared';
import { TextField } from '../components/TextField.tsx';
import type { useMeeting } from './useMeeting.ts';

type Send = ReturnType<typeof useMeeting>['send'];

/**
 * The typed questions round, when the meeting takes typed questions: questions go to the set's discussion; an entry
 * that reads like advice gets a gentle prompt but can still be posted; the presenter marks the ones that helped.
 */
export function QuestionsSection({
  meeting,
  questions,
  helpfulMessageIds,
  mayAsk,
  mayMarkHelpful,
  send,
}: {
  meeting: Meeting;
  questions: Message[];
  helpfulMessageIds: string[];
  mayAsk: boolean;
  mayMarkHelpful: boolean;
  send: Send;
}) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const advice = looksLikeAdvice(draft);
  return (
    <section aria-labelledby="questions-heading">
      <h2 id="questions-heading">Questions for the presenter</h2>
      {questions.length ? (
        <ul className="card-list" data-testid="question-list">
          {questions.map((question) => {
            const helpful = helpfulMessageIds.includes(question.id);
            return (
              <li key={question.id} className="card-row">
                {question.body}
                {helpful ? <span className="tag tag-green">Helped</span> : null}
                {mayMarkHelpful ? (
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={helpful}
                    aria-label={`This helped: ${question.body}`}
                    onClick={() =>
                      void send(SOCKET_EVENTS.questionHelpful, {
                        meetingId: meeting.id,
                        messageId: question.id,
                        helpful: !helpful,
                      })
                    }
                  >
                    This helped
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>No typed questions yet.</p>
      )}
      {mayAsk ? (
        <form
          aria-label="Ask a question"
          onSubmit={(event) => {
            event.preventDefault();
            setProblem(null);
            void send(SOCKET_EVENTS.messageSend, {
              roomId: meeting.roomId,
              body: draft,
              clientMessageId: crypto.randomUUID(),
              question: true,
            }).then((error) => (error ? setProblem(error.message) : setDraft('')));
          }}
        >
          <TextField id="question-draft" label="Your question" multiline value={draft} onChange={setDraft} />
          <div role="status" aria-live="polite" data-testid="advice-prompt">
            {advice ? <p className="warning-text">{ADVICE_PROMPT}.</p> : null}
          </div>
          <button type="submit" className="button">
            {advice ? 'Post it anyway' : 'Ask the question'}
          </button>
        </form>
      ) : null}
      {problem ? <p className="error-message">{problem}</p> : null}
    </section>
  );
}
