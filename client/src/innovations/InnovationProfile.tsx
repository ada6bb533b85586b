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

/** The readable profile: vision, core functions, adaptable features, evidence, what it took, and contacts. */
export function InnovationProfile({ innovation }: { innovation: Innovation }) {
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
          <h2>Vision</h2>
          <Text>{innovation.vision}</Text>
        </>
      ) : null}
      <h2>Core functions</h2>
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
      <h2>Adaptable features</h2>
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
          <h2>Fixed requirements</h2>
          <Text>{innovation.fixedRequirements}</Text>
        </>
      ) : null}
      <h2>Evidence</h2>
      <EvidenceList evidence={innovation.evidence} />
      <h2>What it took</h2>
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
      <h2>Contacts</h2>
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
