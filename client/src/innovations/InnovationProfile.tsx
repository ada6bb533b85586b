import { INNOVATION_STAGE_LABELS, type Innovation, type InnovationContext } from '@common-ground/shared';
import { CONTEXT_LABELS } from './innovationDraft.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { OrganisationName } from '../components/OrganisationName.tsx';
import { organisationLabel } from '../components/organisationLabel.ts';

/** Where an innovation stands, as a tag. */
export function StageTag({ stage }: { stage: Innovation['stage'] }) {
  return (
    <span className={stage === 'developing' ? 'tag tag-grey' : 'tag tag-green'}>
      {INNOVATION_STAGE_LABELS[stage]}
    </span>
  );
}

/** Paragraphs from text typed with line breaks. */
function Text({ children }: { children: string }) {
  return (
    <>
      {children
        .split(/\n{2,}/)
        .filter((part) => part.trim())
        .map((part, i) => (
          <p key={i} className="innovation-text">
            {part}
          </p>
        ))}
    </>
  );
}

/**
 * The readable profile: vision, core functions, adaptable features, evidence, what it took, and contacts. Its
 * section headings are h2 on its own page, lower where it sits inside another section (an open day's pre-read).
 */
export function InnovationProfile({
  innovation,
  headingLevel = 2,
}: {
  innovation: Innovation;
  headingLevel?: 2 | 3 | 4;
}) {
  const Heading = `h${headingLevel}` as const;
  const context = (Object.keys(CONTEXT_LABELS) as (keyof InnovationContext)[]).filter((key) =>
    innovation.context[key].trim(),
  );
  return (
    <div className="innovation-profile">
      <p>
        <StageTag stage={innovation.stage} /> From{' '}
        <OrganisationName organisation={innovation.sourceOrganisation} />
      </p>
      <Text>{innovation.summary}</Text>
      {innovation.vision ? (
        <>
          <Heading>Vision</Heading>
          <Text>{innovation.vision}</Text>
        </>
      ) : null}
      <Heading>Core functions</Heading>
      {innovation.coreFunctions.length ? (
        <dl className="summary-list">
          {innovation.coreFunctions.map((item) => (
            <div key={item.id}>
              <dt>{item.title}</dt>
              <dd>{item.achieves}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>No core functions have been written down yet.</p>
      )}
      <Heading>Adaptable features</Heading>
      {innovation.adaptableFeatures.length ? (
        <dl className="summary-list">
          {innovation.adaptableFeatures.map((item) => (
            <div key={item.id}>
              <dt>{item.title}</dt>
              <dd>{item.why}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>No adaptable features have been written down yet.</p>
      )}
      {innovation.fixedRequirements ? (
        <>
          <Heading>Fixed requirements</Heading>
          <Text>{innovation.fixedRequirements}</Text>
        </>
      ) : null}
      <Heading>Evidence</Heading>
      <EvidenceList evidence={innovation.evidence} />
      <Heading>What it took</Heading>
      {context.length ? (
        <dl className="summary-list">
          {context.map((key) => (
            <div key={key}>
              <dt>{CONTEXT_LABELS[key].label}</dt>
              <dd>{innovation.context[key]}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>Nothing has been written about what it took yet.</p>
      )}
      <Heading>Contacts</Heading>
      {innovation.contacts.length ? (
        <ul>
          {innovation.contacts.map((person) => (
            <li key={person.id}>
              {person.displayName}
              {person.organisation ? ` (${organisationLabel(person.organisation)})` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>No contacts named yet: ask in the community space.</p>
      )}
    </div>
  );
}
