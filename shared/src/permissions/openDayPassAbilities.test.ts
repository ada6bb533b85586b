import { describe, expect, it } from 'vitest';
import type { PassAbilities } from '../schemas/openDayRegistrations.ts';
import { openDayPassAbilities } from './openDayPassAbilities.ts';

type Row = [string, string, (keyof PassAbilities)[]];

const table: Row[] = [
  ['before', 'confirmed', ['readPreRead', 'askQuestions']],
  ['live', 'confirmed', ['readPreRead', 'askQuestions', 'vote', 'enterLiveRoom']],
  ['after', 'confirmed', ['readPreRead', 'readTakeBack', 'giveFeedback']],
  ['ended', 'confirmed', []],
  ['cancelled', 'confirmed', []],
  ['before', 'waiting', ['readPreRead']],
  ['live', 'waiting', []],
  ['after', 'waiting', []],
  ['before', 'cancelled', []],
  ['live', 'cancelled', []],
];

describe('openDayPassAbilities', () => {
  it.each(table)('in %s a %s pass may %j', (phase, status, allowed) => {
    const abilities = openDayPassAbilities(phase as never, status as never);
    const granted = Object.entries(abilities)
      .filter(([, yes]) => yes)
      .map(([name]) => name);
    expect(granted.sort()).toEqual([...allowed].sort());
  });
});
