import type { TakeBackPack as Pack } from '@common-ground/shared';
import { PreReadPack } from './PreReadPack.tsx';

/** What a visitor takes back to brief their leaders: the host's summary, answered questions, recording, contact, pre-read. */
export function TakeBackPack({ pack }: { pack: Pack }) {
  return (
    <section aria-labelledby="take-back-heading" className="open-day-lists">
      <h2 id="take-back-heading">Your take-back pack</h2>
      <p>Use this to brief your leaders about {pack.title}.</p>
      <h3>Summary from the host</h3>
      {pack.summary ? (
        <p className="innovation-text">{pack.summary}</p>
      ) : (
        <p>The host has not written a summary yet.</p>
      )}
      {pack.recordingUrl ? (
        <p>
          <a href={pack.recordingUrl}>Watch the recording</a>
        </p>
      ) : null}
      <h3>Questions that were answered</h3>
      {pack.answeredQuestions.length ? (
        <dl className="summary-list">
          {pack.answeredQuestions.map((question) => (
            <div key={question.id}>
              <dt>{question.text}</dt>
              <dd className="innovation-text">{question.answer}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>No questions were answered.</p>
      )}
      <h3>Who to contact</h3>
      {pack.contact ? (
        <p>
          {pack.contact.name}
          {pack.contact.role ? `, ${pack.contact.role}` : ''}
          {pack.hostOrganisation ? ` (${pack.hostOrganisation.name})` : ''}:{' '}
          <a href={`mailto:${pack.contact.email}`}>{pack.contact.email}</a>
        </p>
      ) : (
        <p>The host has not named a contact yet.</p>
      )}
      <PreReadPack preRead={pack.preRead} />
    </section>
  );
}
