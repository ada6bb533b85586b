import {
  stageProblem,
  type EvidenceFinding,
  type EvidenceKind,
  type Innovation,
  type InnovationContext,
  type InnovationStage,
} from '@common-ground/shared';

/** One piece of evidence as the form holds it: every field a string, kind and finding empty until chosen. */
export interface EvidenceDraft {
  id?: string;
  claim: string;
  kind: EvidenceKind | '';
  finding: EvidenceFinding | '';
  conditions: string;
  cost: string;
  source: string;
  sourceUrl: string;
  date: string;
}

/** An innovation profile as the form holds it. */
export interface InnovationDraft {
  name: string;
  summary: string;
  vision: string;
  coreFunctions: { id?: string; title: string; achieves: string }[];
  adaptableFeatures: { id?: string; title: string; why: string }[];
  fixedRequirements: string;
  evidence: EvidenceDraft[];
  context: InnovationContext;
  /** User ids of the people to contact. */
  contacts: string[];
  stage: InnovationStage;
}

export const CONTEXT_LABELS: Record<keyof InnovationContext, { label: string; hint: string }> = {
  size: { label: 'Size', hint: 'How many children, families, staff or sites it served.' },
  commissioning: { label: 'Commissioning', hint: 'Who commissioned and paid for it, and how.' },
  staffing: { label: 'Staffing', hint: 'Who delivered it, with what training and supervision.' },
  cost: { label: 'Cost', hint: 'What it cost to set up and to run.' },
  nonNegotiable: { label: 'What was non-negotiable', hint: 'What could not have been done without.' },
  doDifferently: { label: 'What you would do differently', hint: 'Including what did not work.' },
};

export const blankEvidence = (): EvidenceDraft => ({
  claim: '',
  kind: '',
  finding: '',
  conditions: '',
  cost: '',
  source: '',
  sourceUrl: '',
  date: '',
});

/** An empty profile for a new innovation. */
export const blankDraft = (): InnovationDraft => ({
  name: '',
  summary: '',
  vision: '',
  coreFunctions: [],
  adaptableFeatures: [],
  fixedRequirements: '',
  evidence: [],
  context: { size: '', commissioning: '', staffing: '', cost: '', nonNegotiable: '', doDifferently: '' },
  contacts: [],
  stage: 'developing',
});

/** A stored profile as the form holds it. */
export function draftOf(innovation: Innovation): InnovationDraft {
  return {
    name: innovation.name,
    summary: innovation.summary,
    vision: innovation.vision,
    coreFunctions: innovation.coreFunctions,
    adaptableFeatures: innovation.adaptableFeatures,
    fixedRequirements: innovation.fixedRequirements ?? '',
    evidence: innovation.evidence.map((item) => ({
      ...blankEvidence(),
      ...item,
      conditions: item.conditions ?? '',
      cost: item.cost ?? '',
      sourceUrl: item.sourceUrl ?? '',
    })),
    context: innovation.context,
    contacts: innovation.contacts.map((person) => person.id),
    stage: innovation.stage,
  };
}

const optional = (text: string) => (text.trim() ? text : undefined);

/** The draft as a request sends it; call only once {@link draftProblems} found none. */
export function contentOf(draft: InnovationDraft) {
  return {
    ...draft,
    fixedRequirements: draft.fixedRequirements.trim() ? draft.fixedRequirements : null,
    evidence: draft.evidence.map((item) => ({
      ...(item.id ? { id: item.id } : {}),
      claim: item.claim,
      kind: item.kind as EvidenceKind,
      finding: item.finding as EvidenceFinding,
      conditions: optional(item.conditions),
      cost: optional(item.cost),
      source: item.source,
      sourceUrl: optional(item.sourceUrl),
      date: item.date.trim(),
    })),
  };
}

/** What must be put right before sending, keyed as the server keys its field errors (`evidence.0.date`). */
export function draftProblems(draft: InnovationDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.name.trim()) problems.name = 'Enter the name of the innovation';
  if (!draft.summary.trim()) problems.summary = 'Enter a short summary';
  draft.coreFunctions.forEach((item, i) => {
    if (!item.title.trim()) problems[`coreFunctions.${i}.title`] = `Enter a title for core function ${i + 1}`;
    if (!item.achieves.trim())
      problems[`coreFunctions.${i}.achieves`] = `Say what core function ${i + 1} achieves`;
  });
  draft.adaptableFeatures.forEach((item, i) => {
    if (!item.title.trim())
      problems[`adaptableFeatures.${i}.title`] = `Enter a title for adaptable feature ${i + 1}`;
    if (!item.why.trim()) problems[`adaptableFeatures.${i}.why`] = `Say why feature ${i + 1} can be adapted`;
  });
  draft.evidence.forEach((item, i) => {
    const n = i + 1;
    if (!item.claim.trim()) problems[`evidence.${i}.claim`] = `Say what evidence ${n} claims`;
    if (!item.kind) problems[`evidence.${i}.kind`] = `Choose the kind of evidence ${n}`;
    if (!item.finding) problems[`evidence.${i}.finding`] = `Choose what evidence ${n} found`;
    if (!item.source.trim()) problems[`evidence.${i}.source`] = `Enter the source of evidence ${n}`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(item.date.trim()))
      problems[`evidence.${i}.date`] = `Enter the date of evidence ${n} like 2018-03-31`;
    if (item.sourceUrl.trim() && !/^https?:\/\/\S+$/.test(item.sourceUrl.trim()))
      problems[`evidence.${i}.sourceUrl`] = `Enter a web address starting https:// for evidence ${n}`;
  });
  const stage = stageProblem(
    draft.stage,
    draft.evidence.filter((item) => item.kind).map((item) => ({ kind: item.kind as EvidenceKind })),
  );
  if (stage) problems.stage = stage;
  return problems;
}

/** All the draft's free text, for the personal-data check before saving. */
export function draftText(draft: InnovationDraft): string {
  return [
    draft.name,
    draft.summary,
    draft.vision,
    draft.fixedRequirements,
    ...draft.coreFunctions.flatMap((item) => [item.title, item.achieves]),
    ...draft.adaptableFeatures.flatMap((item) => [item.title, item.why]),
    ...draft.evidence.flatMap((item) => [item.claim, item.conditions, item.cost, item.source]),
    ...Object.values(draft.context),
  ].join('\n');
}

/** The id of the control for a field key such as `evidence.0.date`. */
export const fieldId = (key: string) => `innovation-${key.replaceAll('.', '-')}`;
