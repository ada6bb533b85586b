import { describe, expect, it } from 'vitest';
import { invitationAbilities } from './invitationAbilities.ts';

const cases: [string, string, boolean][] = [
  ['the invited address', 'sam@example.org', true],
  ['the invited address, typed in capitals', 'Sam@Example.org', true],
  ['someone else holding the link', 'alex@example.org', false],
  ['an address that only contains the invited one', 'xsam@example.org', false],
];

describe('invitationAbilities', () => {
  it.each(cases)('%s', (_name, email, accept) => {
    expect(invitationAbilities({ email }, { email: 'sam@example.org' })).toEqual({ accept });
  });
});
