import { describe, expect, it } from 'vitest';
import { OPEN_DAY_LIMITS, headingIdSchema } from '@common-ground/shared';
import { headingIdOf } from './documentHeadings.ts';

describe('headingIdOf', () => {
  it.each([
    [0, 'Our context', 'h0-our-context'],
    [3, 'What it took: cost & staffing!', 'h3-what-it-took-cost-staffing'],
    [2, '   ', 'h2'],
    [1, 'Ça coûte combien ?', 'h1-a-co-te-combien'],
  ])('names heading %i “%s” as %s, which the server accepts', (index, text, id) => {
    expect(headingIdOf(index, text)).toBe(id);
    expect(headingIdSchema.safeParse(id).success).toBe(true);
  });

  it('stays within the length the server takes, however long the heading', () => {
    const id = headingIdOf(12, 'word '.repeat(200));
    expect(id.length).toBeLessThanOrEqual(OPEN_DAY_LIMITS.headingIdLength);
    expect(headingIdSchema.safeParse(id).success).toBe(true);
  });
});
