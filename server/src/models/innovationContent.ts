import type { Innovation, InnovationContext, InnovationStage } from '@common-ground/shared';
import type { InnovationRecord } from './Innovation.ts';

/** An innovation's editable content as stored, whatever the request left out already filled in. */
export interface InnovationContent {
  name: string;
  summary: string;
  vision: string;
  coreFunctions: Innovation['coreFunctions'];
  adaptableFeatures: Innovation['adaptableFeatures'];
  fixedRequirements: string | null;
  evidence: Innovation['evidence'];
  context: InnovationContext;
  contacts: string[];
  stage: InnovationStage;
}

/** The editable content of a stored innovation, as plain values. */
export function contentOf(innovation: InnovationRecord): InnovationContent {
  const plain = innovation.toObject();
  return {
    name: plain.name,
    summary: plain.summary,
    vision: plain.vision ?? '',
    coreFunctions: plain.coreFunctions.map(({ id, title, achieves }) => ({
      id,
      title,
      achieves: achieves ?? '',
    })),
    adaptableFeatures: plain.adaptableFeatures.map(({ id, title, why }) => ({ id, title, why: why ?? '' })),
    fixedRequirements: plain.fixedRequirements ?? null,
    evidence: plain.evidence.map((item) => ({
      id: item.id,
      claim: item.claim,
      kind: item.kind as InnovationContent['evidence'][number]['kind'],
      finding: item.finding as InnovationContent['evidence'][number]['finding'],
      ...(item.conditions ? { conditions: item.conditions } : {}),
      ...(item.cost ? { cost: item.cost } : {}),
      source: item.source,
      ...(item.sourceUrl ? { sourceUrl: item.sourceUrl } : {}),
      date: item.date,
    })),
    context: {
      size: plain.context?.size ?? '',
      commissioning: plain.context?.commissioning ?? '',
      staffing: plain.context?.staffing ?? '',
      cost: plain.context?.cost ?? '',
      nonNegotiable: plain.context?.nonNegotiable ?? '',
      doDifferently: plain.context?.doDifferently ?? '',
    },
    contacts: plain.contacts.map(String),
    stage: plain.stage as InnovationContent['stage'],
  };
}
