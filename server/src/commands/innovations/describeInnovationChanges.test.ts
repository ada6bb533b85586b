import { describe, expect, it } from 'vitest';
import type { InnovationContent } from '../../models/innovationContent.ts';
import { describeInnovationChanges } from './describeInnovationChanges.ts';

const before: InnovationContent = {
  name: 'Drop-in',
  summary: 'A drop-in',
  vision: '',
  coreFunctions: [{ id: 'a', title: 'Same day', achieves: 'Help the same day' }],
  adaptableFeatures: [],
  fixedRequirements: null,
  evidence: [
    {
      id: 'e1',
      claim: 'Waits fell',
      kind: 'local monitoring',
      finding: 'positive',
      source: 'Service data',
      date: '2017-09-30',
    },
  ],
  context: { size: '', commissioning: '', staffing: '', cost: '', nonNegotiable: '', doDifferently: '' },
  contacts: [],
  stage: 'developing',
};

describe('describeInnovationChanges', () => {
  it('names the creation', () => {
    expect(describeInnovationChanges(null, before)).toEqual([
      { field: 'name', summary: 'Created the profile “Drop-in”' },
    ]);
  });

  it('records nothing when nothing changed', () => {
    expect(describeInnovationChanges(before, structuredClone(before))).toEqual([]);
  });

  it('says what changed in each field, naming a null finding like any other', () => {
    const after: InnovationContent = {
      ...before,
      vision: 'Help when asked',
      coreFunctions: [{ id: 'a', title: 'Same day', achieves: 'Help within hours' }],
      evidence: [
        {
          id: 'e2',
          claim: 'No change in re-referrals',
          kind: 'independent impact evaluation',
          finding: 'null',
          source: 'Evaluator',
          date: '2018-03-31',
        },
      ],
      stage: 'evidenced',
    };
    expect(describeInnovationChanges(before, after)).toEqual([
      { field: 'vision', summary: 'Vision changed' },
      { field: 'coreFunctions', summary: 'Changed core function “Same day”' },
      {
        field: 'evidence',
        summary:
          'Added evidence “No change in re-referrals” (No effect found (null finding)); removed evidence “Waits fell” (Positive finding)',
      },
      { field: 'stage', summary: 'Stage: Developing → Evidenced' },
    ]);
  });
});
