import {
  EVIDENCE_FINDING_LABELS,
  EVIDENCE_FINDINGS,
  EVIDENCE_KINDS,
  INNOVATION_LIMITS,
} from '@common-ground/shared';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { blankEvidence, fieldId, type InnovationDraft } from './innovationDraft.ts';
import { RepeatingFields } from './RepeatingFields.tsx';

const kindOptions = EVIDENCE_KINDS.map((kind) => ({
  value: kind,
  label: kind.charAt(0).toUpperCase() + kind.slice(1),
}));
const findingOptions = EVIDENCE_FINDINGS.map((finding) => ({
  value: finding,
  label: EVIDENCE_FINDING_LABELS[finding],
}));

interface ListProps {
  draft: InnovationDraft;
  errors: Record<string, string>;
  change(changes: Partial<InnovationDraft>): void;
}

/** Core functions and adaptable features, each a list edited in place. */
export function FunctionFields({ draft, errors, change }: ListProps) {
  return (
    <>
      <RepeatingFields
        id="innovation-coreFunctions"
        legend="Core functions"
        hint="Write each as what it achieves (“help the same day, without an appointment”), not as a form (“a city-centre drop-in”)."
        noun="core function"
        items={draft.coreFunctions}
        max={INNOVATION_LIMITS.coreFunctions}
        blank={() => ({ title: '', achieves: '' })}
        onChange={(coreFunctions) => change({ coreFunctions })}
      >
        {(item, i, update) => (
          <>
            <TextField
              id={fieldId(`coreFunctions.${i}.title`)}
              label="Title"
              value={item.title}
              onChange={(title) => update({ title })}
              error={errors[`coreFunctions.${i}.title`]}
            />
            <TextField
              id={fieldId(`coreFunctions.${i}.achieves`)}
              label="What it achieves"
              multiline
              value={item.achieves}
              onChange={(achieves) => update({ achieves })}
              error={errors[`coreFunctions.${i}.achieves`]}
            />
          </>
        )}
      </RepeatingFields>
      <RepeatingFields
        id="innovation-adaptableFeatures"
        legend="Adaptable features"
        hint="What another organisation may change to fit its own place, and why that is safe."
        noun="adaptable feature"
        items={draft.adaptableFeatures}
        max={INNOVATION_LIMITS.adaptableFeatures}
        blank={() => ({ title: '', why: '' })}
        onChange={(adaptableFeatures) => change({ adaptableFeatures })}
      >
        {(item, i, update) => (
          <>
            <TextField
              id={fieldId(`adaptableFeatures.${i}.title`)}
              label="Title"
              value={item.title}
              onChange={(title) => update({ title })}
              error={errors[`adaptableFeatures.${i}.title`]}
            />
            <TextField
              id={fieldId(`adaptableFeatures.${i}.why`)}
              label="Why it can be adapted"
              multiline
              value={item.why}
              onChange={(why) => update({ why })}
              error={errors[`adaptableFeatures.${i}.why`]}
            />
          </>
        )}
      </RepeatingFields>
    </>
  );
}

/** The evidence, whatever it found: null and negative findings are entered and shown like any other. */
export function EvidenceFields({ draft, errors, change }: ListProps) {
  return (
    <RepeatingFields
      id="innovation-evidence"
      legend="Evidence"
      hint="Add everything you know, including evaluations that found no effect or a negative one: others learn most from those."
      noun="piece of evidence"
      items={draft.evidence}
      max={INNOVATION_LIMITS.evidence}
      blank={blankEvidence}
      onChange={(evidence) => change({ evidence })}
    >
      {(item, i, update) => {
        const text = (key: 'claim' | 'source' | 'sourceUrl' | 'date' | 'conditions' | 'cost') => ({
          id: fieldId(`evidence.${i}.${key}`),
          value: item[key],
          onChange: (value: string) => update({ [key]: value }),
          error: errors[`evidence.${i}.${key}`],
        });
        return (
          <>
            <TextField {...text('claim')} label="What it claims" multiline />
            <SelectField
              id={fieldId(`evidence.${i}.kind`)}
              label="Kind of evidence"
              value={item.kind}
              options={kindOptions}
              onChange={(kind) => update({ kind })}
              error={errors[`evidence.${i}.kind`]}
            />
            <SelectField
              id={fieldId(`evidence.${i}.finding`)}
              label="What it found"
              value={item.finding}
              options={findingOptions}
              onChange={(finding) => update({ finding })}
              error={errors[`evidence.${i}.finding`]}
            />
            <TextField {...text('source')} label="Source" hint="Who produced it, such as an evaluator." />
            <TextField {...text('sourceUrl')} label="Web address of the source (optional)" />
            <TextField {...text('date')} label="Date" hint="When it was published, for example 2018-03-31." />
            <TextField {...text('conditions')} label="Conditions it held under (optional)" multiline />
            <TextField {...text('cost')} label="Cost (optional)" />
          </>
        );
      }}
    </RepeatingFields>
  );
}
