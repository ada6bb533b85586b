import {
  EVIDENCE_FINDING_LABELS,
  INNOVATION_FIELDS,
  INNOVATION_STAGE_LABELS,
  type InnovationField,
} from '@common-ground/shared';
import type { InnovationContent } from '../../models/innovationContent.ts';

/** One field's change, in words, as the history shows it. */
export interface FieldChange {
  field: InnovationField;
  summary: string;
}

const LIST_NOUNS = {
  coreFunctions: 'core function',
  adaptableFeatures: 'adaptable feature',
  evidence: 'evidence',
} as const;

const TEXT_LABELS: Partial<Record<InnovationField, string>> = {
  name: 'Name',
  summary: 'Summary',
  vision: 'Vision',
  fixedRequirements: 'Fixed requirements (licence terms)',
  context: 'What it took',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** How one list item is named in the history: evidence with what it found, so a null finding is as visible as any. */
function itemLabel(field: keyof typeof LIST_NOUNS, item: Record<string, unknown>): string {
  if (field === 'evidence')
    return `“${String(item.claim)}” (${EVIDENCE_FINDING_LABELS[item.finding as 'null']})`;
  return `“${String(item.title)}”`;
}

function describeList(
  field: keyof typeof LIST_NOUNS,
  before: Record<string, unknown>[],
  after: Record<string, unknown>[],
): string {
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIds = new Set(after.map((item) => item.id));
  const parts: string[] = [];
  for (const item of after) {
    const old = beforeById.get(item.id);
    if (!old) parts.push(`added ${LIST_NOUNS[field]} ${itemLabel(field, item)}`);
    else if (!same(old, item)) parts.push(`changed ${LIST_NOUNS[field]} ${itemLabel(field, item)}`);
  }
  for (const item of before)
    if (!afterIds.has(item.id)) parts.push(`removed ${LIST_NOUNS[field]} ${itemLabel(field, item)}`);
  if (!parts.length) parts.push(`reordered the ${LIST_NOUNS[field]} list`);
  const sentence = parts.join('; ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** What a change did to each field it touched, in profile order; an empty list when nothing really changed. */
export function describeInnovationChanges(
  before: InnovationContent | null,
  after: InnovationContent,
): FieldChange[] {
  if (!before) return [{ field: 'name', summary: `Created the profile “${after.name}”` }];
  const changes: FieldChange[] = [];
  for (const field of INNOVATION_FIELDS) {
    if (same(before[field], after[field])) continue;
    if (field === 'stage') {
      const summary = `Stage: ${INNOVATION_STAGE_LABELS[before.stage]} → ${INNOVATION_STAGE_LABELS[after.stage]}`;
      changes.push({ field, summary });
    } else if (field === 'coreFunctions' || field === 'adaptableFeatures' || field === 'evidence') {
      const list = (value: unknown) => value as Record<string, unknown>[];
      changes.push({ field, summary: describeList(field, list(before[field]), list(after[field])) });
    } else if (field === 'contacts') {
      changes.push({
        field,
        summary: `Contacts: ${before.contacts.length} → ${after.contacts.length} people`,
      });
    } else {
      changes.push({ field, summary: `${TEXT_LABELS[field]} changed` });
    }
  }
  return changes;
}
