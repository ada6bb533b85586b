import { useState } from 'react';
import type { HostQuestion, ModerateQuestionBody } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { openDaysApi } from '../api/openDays.ts';
import { QUEUE_NEWS_ID, QueueItem } from './QueueItem.tsx';

/**
 * The host's moderation queue, most votes first: questions waiting for a decision, then those everyone sees, then
 * those taken out (rejected or merged). Only hosts ever see this list.
 */
export function ModerationQueue({
  openDayId,
  queue,
  onChanged,
}: {
  openDayId: string;
  queue: HostQuestion[];
  onChanged(question: HostQuestion): void;
}) {
  const [news, setNews] = useState('');
  const waiting = queue.filter((q) => q.status === 'pending');
  const shown = queue.filter((q) => q.status === 'approved' || q.status === 'answered');
  const closed = queue.filter((q) => q.status === 'rejected' || q.status === 'merged');
  const mergeTargets = (question: HostQuestion) =>
    [...shown, ...waiting].filter((other) => other.id !== question.id);
  const moderate = (question: HostQuestion) => async (body: ModerateQuestionBody) => {
    try {
      onChanged(await openDaysApi.moderate(openDayId, question.id, body));
      const target = queue.find((q) => q.id === (body.action === 'merge' ? body.intoQuestionId : ''));
      if (body.action === 'reject') setNews(`Rejected: “${question.text}”. Nobody else will see it.`);
      else if (body.action === 'merge')
        setNews(`Merged “${question.text}” into “${target?.text ?? 'the other question'}”.`);
      if (body.action === 'merge') {
        // The question it joined gained its votes: fetch the queue's view of it.
        const fresh = (await openDaysApi.queue(openDayId)).find((q) => q.id === body.intoQuestionId);
        if (fresh) onChanged(fresh);
      }
      return null;
    } catch (error) {
      if (error instanceof ApiError) return Object.values(error.fieldErrors())[0] ?? error.message;
      return 'That did not work. Try again.';
    }
  };
  const list = (questions: HostQuestion[], label: string) => (
    <ol className="question-list" aria-label={label}>
      {questions.map((question) => (
        <QueueItem
          key={question.id}
          question={question}
          others={mergeTargets(question)}
          moderate={moderate(question)}
        />
      ))}
    </ol>
  );

  return (
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading">Questions</h2>
      <p className="hint">
        Only hosts see this queue. Approved questions appear live to everyone, without the asker’s name.
      </p>
      <div id={QUEUE_NEWS_ID} tabIndex={-1} role="status" className="focus-target">
        {news ? <p className="notice">{news}</p> : null}
      </div>
      <h3 id="queue-waiting-heading">Waiting for you ({waiting.length})</h3>
      {waiting.length ? (
        list(waiting, 'Questions waiting, most votes first')
      ) : (
        <p>No questions are waiting.</p>
      )}
      <h3>Shown to everyone ({shown.length})</h3>
      {shown.length ? list(shown, 'Approved questions, most votes first') : <p>None approved yet.</p>}
      {closed.length ? (
        <details>
          <summary>Rejected or merged ({closed.length})</summary>
          {list(closed, 'Rejected or merged questions')}
        </details>
      ) : null}
    </section>
  );
}
