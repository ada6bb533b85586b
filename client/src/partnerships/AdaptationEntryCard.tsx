import { useState } from 'react';
import {
  ADAPTATION_CHOICES,
  ADAPTATION_CHOICE_LABELS,
  SETTLEMENTS,
  SETTLEMENT_LABELS,
  STILL_ACHIEVES,
  STILL_ACHIEVES_LABELS,
  type AdaptationChange,
  type AdaptationChoice,
  type AdaptationEntry,
  type PartnershipAbilities,
  type Settlement,
} from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { putAdaptations } from '../api/partnerships.ts';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';

type StillAchieves = (typeof STILL_ACHIEVES)[number];

/** One recipient's entry for one item: what both sides see, and the parts the caller may write. */
export function AdaptationEntryCard({
  roomId,
  entry,
  abilities,
  onSaved,
}: {
  roomId: string;
  entry: AdaptationEntry;
  abilities: PartnershipAbilities;
  onSaved(message: string): void;
}) {
  const key = `${entry.recipientOrganisationId}-${entry.itemId}`;
  const isCore = entry.itemKind === 'core-function';
  const mine = abilities.adaptFor.includes(entry.recipientOrganisationId);
  const [choice, setChoice] = useState<AdaptationChoice | ''>(entry.choice ?? '');
  const [whatChanged, setWhatChanged] = useState(entry.whatChanged);
  const [why, setWhy] = useState(entry.why);
  const [localContext, setLocalContext] = useState(entry.localContext);
  const [familiesSaid, setFamiliesSaid] = useState(entry.familiesSaid);
  const [stillAchieves, setStillAchieves] = useState<StillAchieves | ''>(entry.stillAchieves ?? '');
  const [reply, setReply] = useState(entry.sourceReply);
  const ownSettlement = mine ? entry.recipientSettlement : abilities.reply ? entry.sourceSettlement : null;
  const [settlement, setSettlement] = useState<Settlement | ''>(ownSettlement ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const save = async (
    change: Omit<AdaptationChange, 'recipientOrganisationId' | 'itemId'>,
    message: string,
  ) => {
    try {
      setProblem(null);
      await putAdaptations(roomId, [
        { recipientOrganisationId: entry.recipientOrganisationId, itemId: entry.itemId, ...change },
      ]);
      onSaved(message);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'That did not save. Try again.');
    }
  };
  const title = `${entry.recipientOrganisationName}: ${entry.itemTitle}`;

  return (
    <li className="adaptation-entry" data-testid="adaptation-entry">
      <h3 id={`${key}-title`} className="card-title">
        {title} <span className="tag tag-grey">{isCore ? 'Core function' : 'Adaptable feature'}</span>
        {entry.coreFunctionChanged ? <span className="tag"> Core function changed</span> : null}
        {entry.settled ? (
          <span className="tag tag-green"> Settled: {SETTLEMENT_LABELS[entry.settled]}</span>
        ) : null}
      </h3>
      <p className="hint">
        {isCore ? `What it achieves: ${entry.itemPurpose}` : `Why it can change: ${entry.itemPurpose}`}
      </p>
      <dl className="summary-list">
        <div>
          <dt>Choice</dt>
          <dd>{entry.choice ? ADAPTATION_CHOICE_LABELS[entry.choice] : 'Not recorded yet'}</dd>
        </div>
        {entry.whatChanged ? (
          <div>
            <dt>What changed and why</dt>
            <dd>
              {entry.whatChanged}
              {entry.why ? ` Why: ${entry.why}` : ''}
            </dd>
          </div>
        ) : null}
        {entry.localContext ? (
          <div>
            <dt>Local context</dt>
            <dd>{entry.localContext}</dd>
          </div>
        ) : null}
        {entry.familiesSaid ? (
          <div>
            <dt>What children, young people or families said</dt>
            <dd>{entry.familiesSaid}</dd>
          </div>
        ) : null}
        {isCore && entry.stillAchieves ? (
          <div>
            <dt>Does this still achieve it?</dt>
            <dd>{STILL_ACHIEVES_LABELS[entry.stillAchieves]}</dd>
          </div>
        ) : null}
        {entry.sourceReply ? (
          <div>
            <dt>The source’s reply</dt>
            <dd>{entry.sourceReply}</dd>
          </div>
        ) : null}
        <div>
          <dt>Settled as</dt>
          <dd>
            Recipient: {entry.recipientSettlement ? SETTLEMENT_LABELS[entry.recipientSettlement] : 'not yet'};
            source: {entry.sourceSettlement ? SETTLEMENT_LABELS[entry.sourceSettlement] : 'not yet'}
          </dd>
        </div>
      </dl>
      {problem ? <p className="error-message">{problem}</p> : null}
      {mine ? (
        <form
          className="partnership-form"
          aria-label={`Your entry for ${entry.itemTitle}`}
          onSubmit={(event) => {
            event.preventDefault();
            void save(
              {
                ...(choice ? { choice } : {}),
                whatChanged,
                why,
                localContext,
                familiesSaid,
                ...(isCore && stillAchieves ? { stillAchieves } : {}),
              },
              `${title}: your entry is saved.`,
            );
          }}
        >
          <SelectField
            id={`${key}-choice`}
            label="Your choice"
            value={choice}
            options={ADAPTATION_CHOICES.map((value) => ({ value, label: ADAPTATION_CHOICE_LABELS[value] }))}
            onChange={setChoice}
          />
          <TextField
            id={`${key}-changed`}
            label="What you changed"
            multiline
            value={whatChanged}
            onChange={setWhatChanged}
          />
          <TextField id={`${key}-why`} label="Why" multiline value={why} onChange={setWhy} />
          <TextField
            id={`${key}-context`}
            label="Your local context"
            multiline
            value={localContext}
            onChange={setLocalContext}
          />
          <TextField
            id={`${key}-families`}
            label="What children, young people or families said"
            hint="No names or details that could identify a child."
            multiline
            value={familiesSaid}
            onChange={setFamiliesSaid}
          />
          {isCore ? (
            <SelectField
              id={`${key}-achieves`}
              label="Does this still achieve it?"
              value={stillAchieves}
              options={STILL_ACHIEVES.map((value) => ({ value, label: STILL_ACHIEVES_LABELS[value] }))}
              onChange={setStillAchieves}
            />
          ) : null}
          <button type="submit" className="button">
            Save entry
          </button>
        </form>
      ) : null}
      {abilities.reply ? (
        <form
          className="partnership-form"
          aria-label={`Reply about ${title}`}
          onSubmit={(event) => {
            event.preventDefault();
            void save({ sourceReply: reply }, `${title}: your reply is saved.`);
          }}
        >
          <TextField
            id={`${key}-reply`}
            label="Your reply as the source"
            multiline
            value={reply}
            onChange={setReply}
          />
          <button type="submit" className="button">
            Save reply
          </button>
        </form>
      ) : null}
      {mine || abilities.reply ? (
        <form
          className="inline-form"
          aria-label={`Settle ${title}`}
          onSubmit={(event) => {
            event.preventDefault();
            if (settlement)
              void save(
                { settlement },
                `${title}: your side settled it as ${SETTLEMENT_LABELS[settlement]}.`,
              );
          }}
        >
          <SelectField
            id={`${key}-settle`}
            label="Your side settles this as"
            value={settlement}
            options={SETTLEMENTS.map((value) => ({ value, label: SETTLEMENT_LABELS[value] }))}
            onChange={setSettlement}
          />
          <button type="submit" className="button button-secondary">
            Settle
          </button>
        </form>
      ) : null}
    </li>
  );
}
