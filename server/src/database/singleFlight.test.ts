import { describe, expect, it } from 'vitest';
import { singleFlight } from './singleFlight.ts';

describe('singleFlight', () => {
  it('shares one read among calls for the same key while it is in flight, and reads again afterwards', async () => {
    const reads: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const find = singleFlight(async (key: string) => {
      reads.push(key);
      await gate;
      return { key, at: reads.length };
    });
    const together = [find('a'), find('a'), find('b')];
    release();
    const [first, second, other] = await Promise.all(together);
    expect(reads).toEqual(['a', 'b']);
    expect(second).toBe(first);
    expect(other).toEqual({ key: 'b', at: 2 });
    const later = await find('a');
    expect(reads).toEqual(['a', 'b', 'a']);
    expect(later).not.toBe(first);
  });

  it('passes a failure to every waiting caller and does not keep it', async () => {
    let attempts = 0;
    const find = singleFlight(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('database unavailable');
      return 'found';
    });
    const results = await Promise.allSettled([find('a'), find('a')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(attempts).toBe(1);
    await expect(find('a')).resolves.toBe('found');
  });
});
