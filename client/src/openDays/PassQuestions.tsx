import { useState } from 'react';
import { OPEN_DAY_LIMITS, type OwnQuestion, type PublicQuestion } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { openDayPassApi } from '../api/openDayPass.ts';
import { QuestionForm } from './QuestionForm.tsx';
import { QUESTION_STATUS_LABELS } from './questionStatus.ts';

/** A visitor's questions: the approved ones by votes (one vote each, when voting is open), asking, and their own. */
export function PassQuestions({
  questions,
  mine,
  mayAsk,
  mayVote,
  askHeading,
  onAsked,
  onVoted,
}: {
  questions: PublicQuestion[];
  mine: OwnQuestion[];
  mayAsk: boolean;
  mayVote: boolean;
  askHeading: string;
  onAsked(question: OwnQuestion): void;
  onVoted(question: PublicQuestion): void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const vote = async (question: PublicQuestion) => {
    setProblem(null);
    try {
      onVoted(await openDayPassApi.vote(question.id));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'Your vote did not go through. Try again.');
    }
  };
  const ask = async (text: string, personalDataChecked: boolean): Promise<string | null> => {
    try {
      onAsked(await openDayPassApi.ask({ text, personalDataChecked }));
      return null;
    } catch (error) {
      if (error instanceof ApiError) return Object.values(error.fieldErrors())[0] ?? error.message;
      return 'Your question did not go through. Try again.';
    }
  };

  return (
    <section aria-labelledby="questions-heading">
      <h2 id="questions-heading">Questions</h2>
      {questions.length === 0 ? <p>No questions have been approved yet.</p> : null}
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      <ol
        className="question-list"
        aria-label="Approved questions, most votes first"
        data-testid="approved-questions"
      >
        {questions.map((question) => (
          <li key={question.id}>
            <p className="question-text">{question.text}</p>
            {question.answer ? (
              <div className="question-answer">
                <strong>Answer:</strong> {question.answer}
              </div>
            ) : null}
            <div className="question-actions">
              <span>
                {question.votes} {question.votes === 1 ? 'vote' : 'votes'}
              </span>
              {question.votedByMe ? <span className="tag tag-green">You voted</span> : null}
              {mayVote && !question.votedByMe ? (
                <button type="button" className="button button-secondary" onClick={() => void vote(question)}>
                  Vote <span className="visually-hidden">for “{question.text}”</span>
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      {mayAsk ? (
        <QuestionForm
          heading={askHeading}
          hint="The host reads every question first; approved ones are shown to everyone, without your name."
          maxLength={OPEN_DAY_LIMITS.questionLength}
          send={ask}
        />
      ) : null}
      {mine.length ? (
        <>
          <h3>Your questions</h3>
          <ul className="question-list" data-testid="my-questions">
            {mine.map((question) => (
              <li key={question.id}>
                <p className="question-text">{question.text}</p>
                <span className="tag tag-grey">{QUESTION_STATUS_LABELS[question.status]}</span>
                {question.answer ? (
                  <div className="question-answer">
                    <strong>Answer:</strong> {question.answer}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
