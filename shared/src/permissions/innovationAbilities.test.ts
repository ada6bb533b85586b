import { describe, expect, it } from 'vitest';
import type { InnovationAbilities } from '../schemas/innovations.ts';
import { innovationAbilities, type InnovationViewer } from './innovationAbilities.ts';

const confirmed = { status: 'confirmed' } as const;
const pending = { status: 'pending' } as const;

const cases: [string, InnovationViewer, InnovationAbilities][] = [
  [
    'a facilitator confirmed at the source',
    { role: 'facilitator', sourceAffiliation: confirmed },
    { view: true, edit: true },
  ],
  [
    'a member confirmed at the source',
    { role: 'member', sourceAffiliation: confirmed },
    { view: true, edit: true },
  ],
  [
    'an observer confirmed at the source',
    { role: 'observer', sourceAffiliation: confirmed },
    { view: true, edit: false },
  ],
  [
    'a member still pending at the source',
    { role: 'member', sourceAffiliation: pending },
    { view: true, edit: false },
  ],
  [
    'a member of another organisation',
    { role: 'member', sourceAffiliation: null },
    { view: true, edit: false },
  ],
  [
    'a facilitator of another organisation',
    { role: 'facilitator', sourceAffiliation: null },
    { view: true, edit: false },
  ],
  [
    'an observer of another organisation',
    { role: 'observer', sourceAffiliation: null },
    { view: true, edit: false },
  ],
  ['an open-day visitor', { role: 'visitor', sourceAffiliation: null }, { view: false, edit: false }],
  [
    'someone confirmed at the source but outside the community',
    { role: null, sourceAffiliation: confirmed },
    { view: false, edit: false },
  ],
];

describe('innovationAbilities', () => {
  it.each(cases)('%s', (_who, viewer, expected) => {
    expect(innovationAbilities(viewer)).toEqual(expected);
  });
});
