import type { InnovationContext } from '@common-ground/shared';
import { CONTEXT_LABELS } from '../innovations/innovationDraft.ts';

/** The host's "what it took" page: size, commissioning, staffing, cost, what was non-negotiable, what they would change. */
export function WhatItTook({
  context,
  headingLevel = 2,
}: {
  context: InnovationContext;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const keys = (Object.keys(CONTEXT_LABELS) as (keyof InnovationContext)[]).filter((key) =>
    context[key].trim(),
  );
  return (
    <section aria-labelledby="what-it-took-heading">
      <Heading id="what-it-took-heading">What it took, from the host</Heading>
      {keys.length ? (
        <dl className="summary-list">
          {keys.map((key) => (
            <div key={key}>
              <dt>{CONTEXT_LABELS[key].label}</dt>
              <dd className="innovation-text">{context[key]}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>The host has not written about what it took yet.</p>
      )}
    </section>
  );
}
