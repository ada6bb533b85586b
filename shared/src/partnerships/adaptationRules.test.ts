import { describe, expect, it } from 'vitest';
import type { AdaptationChange } from '../schemas/adaptations.ts';
import { adaptationChangeAllowed, coreFunctionChanged, settledAs } from './adaptationRules.ts';

describe('settledAs', () => {
  it.each([
    [null, null, null],
    ['agreed', null, null],
    ['agreed', 'under-discussion', null],
    ['agreed', 'agreed', 'agreed'],
    ['outside-the-model', 'outside-the-model', 'outside-the-model'],
  ] as const)('recipient %s and source %s settle as %s', (recipient, source, expected) => {
    expect(settledAs(recipient, source)).toBe(expected);
  });
});

describe('coreFunctionChanged', () => {
  it.each([
    ['core-function', 'adapting', true],
    ['core-function', 'not-adopting', true],
    ['core-function', 'adopting-as-is', false],
    ['core-function', 'not-yet', false],
    ['core-function', null, false],
    ['adaptable-feature', 'adapting', false],
  ] as const)('%s %s: %s', (kind, choice, expected) => {
    expect(coreFunctionChanged(kind, choice)).toBe(expected);
  });
});

describe('adaptationChangeAllowed', () => {
  const recipient = { adaptFor: ['r1'], reply: false };
  const source = { adaptFor: [], reply: true };
  const change = (fields: Partial<AdaptationChange>): AdaptationChange => ({
    recipientOrganisationId: 'r1',
    itemId: 'cf1',
    ...fields,
  });
  it.each([
    ['a recipient writes its own choice', recipient, change({ choice: 'adapting' }), true, null],
    [
      'a recipient may not write another recipient’s',
      recipient,
      change({ recipientOrganisationId: 'r2', choice: 'adapting' }),
      false,
      null,
    ],
    ['a recipient may not reply for the source', recipient, change({ sourceReply: 'Fine' }), false, null],
    ['a recipient settles for its side', recipient, change({ settlement: 'agreed' }), true, 'recipient'],
    ['the source replies', source, change({ sourceReply: 'Fine' }), true, null],
    ['the source may not write the recipient’s story', source, change({ familiesSaid: 'Good' }), false, null],
    ['the source settles for its side', source, change({ settlement: 'agreed' }), true, 'source'],
    [
      'someone from elsewhere settles nothing',
      { adaptFor: [], reply: false },
      change({ settlement: 'agreed' }),
      false,
      null,
    ],
  ] as const)('%s', (_name, abilities, given, allowed, side) => {
    expect(adaptationChangeAllowed({ ...abilities, adaptFor: [...abilities.adaptFor] }, given)).toEqual({
      allowed,
      settlementSide: side,
    });
  });
});
