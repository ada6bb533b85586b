import { useState } from 'react';
import {
  FACILITATORS_SEE_AUTHORS_NOTE,
  FREEDOM_OF_INFORMATION_NOTE,
  REFLECTION_ANONYMITY,
  REFLECTION_ANONYMITY_LABELS,
  REFLECTION_QUESTIONS,
  SOCIAL_DISCIPLINE_TAGS,
  SOCIAL_DISCIPLINE_TAG_LABELS,
  reflectionWarnings,
  type ReflectionAnonymity,
  type ReflectionQuestionKey,
  type Room,
} from '@common-ground/shared';
import { createReflection } from '../api/partnerships.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';

type Tag = (typeof SOCIAL_DISCIPLINE_TAGS)[number];
const EMPTY: Record<ReflectionQuestionKey, string> = {
  hoped: '',
  happened: '',
  madeSense: '',
  learned: '',
  doDifferently: '',
  workingWith: '',
};

/** Writing a reflection: the questions, optional tags, how anonymous to be, and the warnings before sharing it. */
export function ReflectionForm({ room, onSaved }: { room: Room; onSaved(): void }) {
  const [answers, setAnswers] = useState(EMPTY);
  const [tags, setTags] = useState<Tag[]>([]);
  const [anonymity, setAnonymity] = useState<ReflectionAnonymity>('named');
  const [share, setShare] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const { errors, fail, failWith, clear } = useFormErrors();
  const warnings = reflectionWarnings({
    text: Object.values(answers).join('\n'),
    recipientCount: room.recipientOrganisations.length,
    hidesOrganisation: anonymity !== 'named',
    organisationNames: [room.sourceOrganisation, ...room.recipientOrganisations].flatMap((o) =>
      o ? [o.name] : [],
    ),
  });
  const submit = async () => {
    const missing = Object.fromEntries(
      REFLECTION_QUESTIONS.filter((q) => !q.optional && !answers[q.key].trim()).map((q) => [
        q.key,
        `${q.label}: please answer`,
      ]),
    );
    if (share && warnings.length && !acknowledged)
      missing.acknowledgedWarnings = 'Confirm you have read the warnings';
    if (Object.keys(missing).length) return fail(missing);
    try {
      clear();
      await createReflection(room.id, {
        ...answers,
        tags,
        anonymity,
        shareWithCommunity: share,
        acknowledgedWarnings: share && acknowledged,
      });
      setAnswers(EMPTY);
      setTags([]);
      setShare(false);
      setAcknowledged(false);
      onSaved();
    } catch (error) {
      failWith(error);
    }
  };
  const fieldIds = {
    ...Object.fromEntries(REFLECTION_QUESTIONS.map((q) => [q.key, `reflection-${q.key}`])),
    acknowledgedWarnings: 'reflection-acknowledge',
  };

  return (
    <form
      className="partnership-form"
      aria-labelledby="reflection-form-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="reflection-form-heading">Write a reflection</h3>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      {REFLECTION_QUESTIONS.map((question) => (
        <TextField
          key={question.key}
          id={`reflection-${question.key}`}
          label={question.label}
          multiline
          error={errors.fields[question.key]}
          value={answers[question.key]}
          onChange={(value) => setAnswers((previous) => ({ ...previous, [question.key]: value }))}
        />
      ))}
      <fieldset className="fieldset">
        <legend>Social Discipline Window (optional)</legend>
        <p className="hint">Only if it helps: nobody has to label their own work.</p>
        {SOCIAL_DISCIPLINE_TAGS.map((tag) => (
          <label key={tag} className="checkbox">
            <input
              type="checkbox"
              checked={tags.includes(tag)}
              onChange={(event) =>
                setTags((previous) =>
                  event.target.checked ? [...previous, tag] : previous.filter((t) => t !== tag),
                )
              }
            />{' '}
            {SOCIAL_DISCIPLINE_TAG_LABELS[tag]}
          </label>
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>How you are shown</legend>
        <p className="hint">{FACILITATORS_SEE_AUTHORS_NOTE}</p>
        {REFLECTION_ANONYMITY.map((value) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name="anonymity"
              checked={anonymity === value}
              onChange={() => setAnonymity(value)}
            />{' '}
            {REFLECTION_ANONYMITY_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={share} onChange={(event) => setShare(event.target.checked)} /> Share
        with the whole community (otherwise only the partners see it; you can withdraw it at any time)
      </label>
      {share && warnings.length ? (
        <div className="warning-text" data-testid="reflection-warnings">
          <p>
            <strong>Before you share this:</strong>
          </p>
          <ul>
            {warnings.map((warning) => (
              <li key={warning.kind}>{warning.message}</li>
            ))}
          </ul>
          <label className="checkbox">
            <input
              id="reflection-acknowledge"
              type="checkbox"
              checked={acknowledged}
              onChange={(event) => setAcknowledged(event.target.checked)}
            />{' '}
            I have read these warnings and still want to share it
          </label>
          {errors.fields.acknowledgedWarnings ? (
            <p className="error-message">{errors.fields.acknowledgedWarnings}</p>
          ) : null}
        </div>
      ) : null}
      <p className="hint">{FREEDOM_OF_INFORMATION_NOTE}</p>
      <button type="submit" className="button">
        Save reflection
      </button>
    </form>
  );
}
