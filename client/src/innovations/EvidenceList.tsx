import { formatDate } from '../components/formatDateTime.ts';
import { EVIDENCE_FINDING_LABELS, type Evidence } from '@common-ground/shared';

/** Each finding's tag colour; none is hidden, ranked or greyed out. */
const FINDING_CLASS: Record<Evidence['finding'], string> = {
  positive: 'tag finding finding-positive',
  mixed: 'tag finding finding-mixed',
  null: 'tag finding finding-null',
  negative: 'tag finding finding-negative',
};

/** A finding as a labelled tag, the same size and weight whatever it found. */
export function FindingTag({ finding }: { finding: Evidence['finding'] }) {
  return <span className={FINDING_CLASS[finding]}>{EVIDENCE_FINDING_LABELS[finding]}</span>;
}

/** Every piece of evidence, in the order its source entered it, each with what it found. */
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  if (!evidence.length) return <p>No evidence has been added yet.</p>;
  return (
    <ul className="card-list">
      {evidence.map((item) => (
        <li key={item.id}>
          <p>
            <FindingTag finding={item.finding} /> <strong>{item.claim}</strong>
          </p>
          <dl className="summary-list">
            <div>
              <dt>Kind</dt>
              <dd>{item.kind.charAt(0).toUpperCase() + item.kind.slice(1)}</dd>
            </div>
            <div>
              <dt>Source</dt>
              <dd>
                {item.sourceUrl ? (
                  <a href={item.sourceUrl} rel="noreferrer noopener">
                    {item.source}
                  </a>
                ) : (
                  item.source
                )}
              </dd>
            </div>
            <div>
              <dt>Date</dt>
              <dd>{formatDate(item.date)}</dd>
            </div>
            {item.conditions ? (
              <div>
                <dt>Conditions</dt>
                <dd>{item.conditions}</dd>
              </div>
            ) : null}
            {item.cost ? (
              <div>
                <dt>Cost</dt>
                <dd>{item.cost}</dd>
              </div>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
