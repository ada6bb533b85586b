import type { PreRead } from '@common-ground/shared';
import { openDayPassApi } from '../api/openDayPass.ts';
import { InnovationProfile } from '../innovations/InnovationProfile.tsx';
import { WhatItTook } from './WhatItTook.tsx';

/** The pre-read pack: the host's "what it took", the documents (in the browser or as PDF), and the innovation's profile. */
export function PreReadPack({ preRead }: { preRead: PreRead }) {
  return (
    <section aria-labelledby="pre-read-heading" className="pre-read open-day-lists">
      <h2 id="pre-read-heading">Before you come: the pre-read</h2>
      <WhatItTook context={preRead.whatItTook} headingLevel={3} />
      <h3>Documents</h3>
      {preRead.documents.length === 0 ? <p>The host has not added documents to read.</p> : null}
      <ul className="card-list">
        {preRead.documents.map((document) => (
          <li key={document.id}>
            <strong>{document.title}</strong>
            <ul className="link-list">
              <li>
                <a href={openDayPassApi.documentUrl(document.id, 'html')}>
                  Read <span className="visually-hidden">“{document.title}”</span> in your browser
                </a>
              </li>
              <li>
                <a href={openDayPassApi.documentUrl(document.id, 'pdf')} download>
                  Download <span className="visually-hidden">“{document.title}”</span> as PDF
                </a>
              </li>
            </ul>
          </li>
        ))}
      </ul>
      {preRead.innovation ? (
        <section aria-labelledby="pre-read-innovation-heading" className="pre-read-document">
          <h3 id="pre-read-innovation-heading">The innovation: {preRead.innovation.name}</h3>
          <InnovationProfile innovation={preRead.innovation} headingLevel={4} />
        </section>
      ) : null}
    </section>
  );
}
