import { useRef, useState, type FormEvent } from 'react';
import {
  INNOVATION_STAGE_LABELS,
  INNOVATION_STAGES,
  personalDataWarnings,
  type Innovation,
  type InnovationContext,
  type PersonalDataWarning,
} from '@common-ground/shared';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import {
  CONTEXT_LABELS,
  contentOf,
  draftProblems,
  draftText,
  fieldId,
  type InnovationDraft,
} from './innovationDraft.ts';
import { ContactFields } from './ContactFields.tsx';
import { EvidenceFields, FunctionFields } from './InnovationListFields.tsx';

const stageOptions = INNOVATION_STAGES.map((stage) => ({
  value: stage,
  label: INNOVATION_STAGE_LABELS[stage],
}));

/**
 * The innovation profile form, for its source organisation: checks what it can before sending, warns (without
 * blocking) when the text looks like personal data about a child, then saves through `save`.
 */
export function InnovationForm({
  communityId,
  organisationId,
  initial,
  submitLabel,
  save,
  onSaved,
}: {
  communityId: string;
  /** The source organisation, whose people in the community may be named as contacts. */
  organisationId: string;
  initial: InnovationDraft;
  submitLabel: string;
  save(content: ReturnType<typeof contentOf>): Promise<Innovation>;
  onSaved(innovation: Innovation): void;
}) {
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [warnings, setWarnings] = useState<PersonalDataWarning[] | null>(null);
  const warningBox = useRef<HTMLDivElement>(null);
  const { errors, fail, failWith, clear } = useFormErrors();
  const change = (changes: Partial<InnovationDraft>) => setDraft((previous) => ({ ...previous, ...changes }));
  const changeContext = (key: keyof InnovationContext, value: string) =>
    setDraft((previous) => ({ ...previous, context: { ...previous.context, [key]: value } }));
  const fieldIds = Object.fromEntries(
    Object.keys(errors.fields)
      .filter((key) => key !== 'contacts')
      .map((key) => [key, fieldId(key)]),
  );

  const send = async () => {
    setWarnings(null);
    setBusy(true);
    try {
      clear();
      onSaved(await save(contentOf(draft)));
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = draftProblems(draft);
    if (Object.keys(problems).length) return fail(problems);
    const found = personalDataWarnings(draftText(draft));
    if (found.length) {
      setWarnings(found);
      requestAnimationFrame(() => warningBox.current?.focus());
      return;
    }
    void send();
  };

  const text = (key: 'name' | 'summary' | 'vision' | 'fixedRequirements') => ({
    id: fieldId(key),
    value: draft[key],
    onChange: (value: string) => change({ [key]: value }),
    error: errors.fields[key],
  });

  return (
    <form noValidate onSubmit={submit} aria-label="Innovation profile">
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <TextField {...text('name')} label="Name of the innovation" />
      <TextField {...text('summary')} label="Summary" hint="What it is, in a few sentences." multiline />
      <TextField
        {...text('vision')}
        label="Vision"
        hint="The change it seeks for children, young people and families."
        multiline
      />
      <FunctionFields draft={draft} errors={errors.fields} change={change} />
      <EvidenceFields draft={draft} errors={errors.fields} change={change} />
      <SelectField
        id={fieldId('stage')}
        label="Stage"
        hint="“Evidenced” needs at least one independent impact evaluation among the evidence, whatever it found."
        value={draft.stage}
        options={stageOptions}
        onChange={(stage) => change({ stage })}
        error={errors.fields.stage}
      />
      <section className="innovation-fields" aria-labelledby="innovation-context-heading">
        <h2 id="innovation-context-heading">What it took</h2>
        <p className="hint">So others can compare your place with theirs.</p>
        {(Object.keys(CONTEXT_LABELS) as (keyof InnovationContext)[]).map((key) => (
          <TextField
            key={key}
            id={fieldId(`context.${key}`)}
            label={CONTEXT_LABELS[key].label}
            hint={CONTEXT_LABELS[key].hint}
            multiline
            value={draft.context[key]}
            onChange={(value) => changeContext(key, value)}
            error={errors.fields[`context.${key}`]}
          />
        ))}
      </section>
      <ContactFields
        communityId={communityId}
        organisationId={organisationId}
        chosen={draft.contacts}
        onChange={(contacts) => change({ contacts })}
        error={errors.fields.contacts}
      />
      <TextField
        {...text('fixedRequirements')}
        label="Fixed requirements (optional)"
        hint="For a licensed model, its licence terms."
        multiline
      />
      {warnings ? (
        <div
          className="warning-text focus-target"
          role="group"
          tabIndex={-1}
          ref={warningBox}
          aria-labelledby="innovation-warning-title"
          data-testid="innovation-personal-data-warning"
        >
          <strong id="innovation-warning-title">This may be personal data about a child.</strong>
          <ul>
            {warnings.map((warning) => (
              <li key={`${warning.kind}:${warning.match}`}>
                {warning.message} (“{warning.match}”)
              </li>
            ))}
          </ul>
          <div className="button-group">
            <button
              type="button"
              className="button button-warning"
              disabled={busy}
              onClick={() => void send()}
            >
              Save anyway
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setWarnings(null);
                document.getElementById(fieldId('name'))?.focus();
              }}
            >
              Change the text
            </button>
          </div>
        </div>
      ) : (
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      )}
    </form>
  );
}
