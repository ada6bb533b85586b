import { describe, expect, it } from 'vitest';
import { reflectionWarnings, type ReflectionDraft } from './reflectionWarnings.ts';

const draft = (overrides: Partial<ReflectionDraft>): ReflectionDraft => ({
  text: 'We hoped the drop-in would reach more families. Fewer came than we planned.',
  recipientCount: 3,
  hidesOrganisation: true,
  organisationNames: ['Northshire Council', 'Family Rights Trust'],
  ...overrides,
});

describe('reflectionWarnings', () => {
  const cases: [string, Partial<ReflectionDraft>, string[]][] = [
    ['plain text among several recipients raises nothing', {}, []],
    [
      'one recipient, hidden organisation: could identify it',
      { recipientCount: 1 },
      ['identifies-organisation'],
    ],
    ['one recipient, named author: nothing to hide', { recipientCount: 1, hidesOrganisation: false }, []],
    [
      'an organisation named in the text',
      { text: 'At Northshire council the panel met weekly.' },
      ['identifies-organisation'],
    ],
    [
      'a date of birth could identify a child',
      { text: 'The boy, born 03/04/2015, stayed.' },
      ['identifies-child'],
    ],
    [
      'a Child Safeguarding Practice Review',
      { text: 'This family is now the subject of a child safeguarding practice review.' },
      ['case-under-review'],
    ],
    ['a case in court', { text: 'The case went to court in spring.' }, ['case-under-review']],
    ['a complaint', { text: 'A parent made a complaint about the plan.' }, ['case-under-review']],
    ['"courtesy" is not a court', { text: 'Courtesy mattered in every meeting.' }, []],
  ];
  it.each(cases)('%s', (_name, overrides, kinds) => {
    expect(reflectionWarnings(draft(overrides)).map((warning) => warning.kind)).toEqual(kinds);
  });
});
