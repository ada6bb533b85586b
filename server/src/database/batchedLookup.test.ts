import { describe, expect, it } from 'vitest';
import { anyOf, batchedLookup } from './batchedLookup.ts';

/** A lookup over an in-memory table that records every query it is asked. */
function lookupOver(table: Record<string, string>, refuse?: string) {
  const queries: string[][] = [];
  const find = batchedLookup(async (keys) => {
    queries.push(keys);
    if (refuse && keys.includes(refuse)) throw new Error(`cannot read ${refuse}`);
    return new Map(keys.filter((key) => key in table).map((key) => [key, table[key]!]));
  });
  return { find, queries };
}

describe('batchedLookup', () => {
  it('answers reads made in one turn with one query, a missing key with null, and reads again next turn', async () => {
    const { find, queries } = lookupOver({ a: 'Ada', b: 'Bea' });
    const answers = await Promise.all([find('a'), find('b'), find('a'), find('missing')]);
    expect(answers).toEqual(['Ada', 'Bea', 'Ada', null]);
    expect(queries).toEqual([['a', 'b', 'missing']]);
    expect(await find('b')).toBe('Bea');
    expect(queries).toHaveLength(2);
  });

  it('fails only the caller whose key the database refuses', async () => {
    const { find, queries } = lookupOver({ a: 'Ada', b: 'Bea' }, 'bad');
    const results = await Promise.allSettled([find('a'), find('bad'), find('b')]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]).toMatchObject({ value: 'Ada' });
    expect(queries[0]).toEqual(['a', 'bad', 'b']);
    expect(queries.slice(1).sort()).toEqual([['a'], ['b'], ['bad']]);
  });

  it('gathers keys asked while its reads are in flight into the next read', async () => {
    const queries: string[][] = [];
    const gates: Array<() => void> = [];
    const find = batchedLookup(async (keys) => {
      queries.push(keys);
      await new Promise<void>((resolve) => gates.push(resolve));
      return new Map(keys.map((key) => [key, key.toUpperCase()]));
    });
    // Four reads in flight (one key each, asked in separate turns), then twenty more keys while they are.
    const first = [];
    for (const key of ['a', 'b', 'c', 'd']) {
      first.push(find(key));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const more = Array.from({ length: 20 }, (_, i) => find(`k${i}`));
    await new Promise((resolve) => setImmediate(resolve));
    expect(queries).toEqual([['a'], ['b'], ['c'], ['d']]);
    gates.shift()!();
    await first[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(queries[4]).toHaveLength(20);
    for (const gate of gates.splice(0)) gate();
    await new Promise((resolve) => setImmediate(resolve));
    for (const gate of gates.splice(0)) gate();
    expect(await Promise.all(more)).toEqual(Array.from({ length: 20 }, (_, i) => `K${i}`));
  });
});

describe('anyOf', () => {
  it('is plain equality for one value (answered from an index) and $in for several', () => {
    expect(anyOf(['only'])).toBe('only');
    expect(anyOf(['a', 'b'])).toMatchObject({ $in: ['a', 'b'] });
  });
});
