import { describe, expect, it } from 'vitest';
import { batchedLookup } from './batchedLookup.ts';

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
});
