import type { OpenDayDashboard as Dashboard } from '@common-ground/shared';
import { FEEDBACK_QUESTIONS } from './FeedbackForm.tsx';
import { RatingsChart } from './RatingsChart.tsx';

/** The host dashboard: registrations against attendance, questions by status, ratings (chart and table) and feedback text by question. */
export function OpenDayDashboard({ dashboard }: { dashboard: Dashboard }) {
  const { registrations, questions, feedback } = dashboard;
  return (
    <>
      <section aria-labelledby="dashboard-registrations-heading">
        <h2 id="dashboard-registrations-heading">Registrations and attendance</h2>
        <dl className="summary-list">
          <div>
            <dt>Places taken</dt>
            <dd>{registrations.confirmed}</dd>
          </div>
          <div>
            <dt>Came on the day</dt>
            <dd data-testid="dashboard-attended">{registrations.attended}</dd>
          </div>
          <div>
            <dt>Waiting list</dt>
            <dd>{registrations.waiting}</dd>
          </div>
          <div>
            <dt>Gave up their place</dt>
            <dd>{registrations.cancelled}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="dashboard-questions-heading">
        <h2 id="dashboard-questions-heading">Questions</h2>
        <dl className="summary-list">
          <div>
            <dt>Answered</dt>
            <dd>{questions.answered}</dd>
          </div>
          <div>
            <dt>Approved, not answered</dt>
            <dd>{questions.approved}</dd>
          </div>
          <div>
            <dt>Waiting</dt>
            <dd>{questions.pending}</dd>
          </div>
          <div>
            <dt>Rejected or merged</dt>
            <dd>{questions.rejected + questions.merged}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="dashboard-feedback-heading">
        <h2 id="dashboard-feedback-heading">Feedback</h2>
        <p>
          {feedback.responses} {feedback.responses === 1 ? 'response' : 'responses'}
          {feedback.usefulnessAverage !== null
            ? `; average usefulness ${feedback.usefulnessAverage.toFixed(1)} out of 5`
            : ''}
          . {feedback.wouldLikeToTalk} would like to talk about adopting this.
        </p>
        <h3>How useful it was</h3>
        <RatingsChart
          caption="How many people gave each usefulness rating"
          counts={feedback.usefulnessCounts.map((count, index) => ({ rating: index + 1, count }))}
        />
        {(Object.keys(FEEDBACK_QUESTIONS) as (keyof typeof FEEDBACK_QUESTIONS)[]).map((key) => (
          <section key={key} aria-labelledby={`feedback-${key}-heading`}>
            <h3 id={`feedback-${key}-heading`}>{FEEDBACK_QUESTIONS[key]}</h3>
            {feedback.text[key].length ? (
              <ul className="question-list">
                {feedback.text[key].map((answer, index) => (
                  <li key={index} className="question-text">
                    {answer}
                  </li>
                ))}
              </ul>
            ) : (
              <p>No answers yet.</p>
            )}
          </section>
        ))}
      </section>
    </>
  );
}
