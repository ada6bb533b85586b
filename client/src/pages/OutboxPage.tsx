import { useCallback } from 'react';
import { listOutbox } from '../api/account.ts';
import { formatDateTime } from '../components/formatDateTime.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { Page } from '../components/Page.tsx';
import { useApiData } from '../hooks/useApiData.ts';

/** The text with each web address made a link, so a reset or confirmation link can be followed. */
function withLinks(text: string) {
  return text.split(/(https?:\/\/\S+)/).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}

/** Development only: the emails the server kept instead of sending, so their links can be followed. */
export function OutboxPage() {
  const load = useCallback(() => listOutbox(), []);
  const { data, error } = useApiData(load);
  return (
    <Page title="Development outbox" caption="Development only">
      {error ? <LoadProblem error={error} what="the outbox" /> : null}
      {!data && !error ? <p role="status">Loading…</p> : null}
      {data?.length === 0 ? <p>No emails yet.</p> : null}
      {data?.map((message, index) => (
        <section key={`${message.sentAt}-${index}`} aria-labelledby={`outbox-${index}`}>
          <h2 id={`outbox-${index}`}>{message.subject}</h2>
          <p className="hint">
            To {message.to}, {formatDateTime(message.sentAt)}
          </p>
          <pre className="outbox-text">{withLinks(message.text)}</pre>
        </section>
      ))}
    </Page>
  );
}
