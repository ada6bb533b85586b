import { describe, expect, it } from 'vitest';
import { isAuthor } from './isAuthor.ts';

const cases: [string, string | null, boolean][] = [
  ['the author', 'user-1', true],
  ['someone else', 'user-2', false],
  ['nobody signed in', null, false],
];

describe('isAuthor', () => {
  it.each(cases)('%s', (_name, id, expected) => {
    expect(isAuthor({ id }, { author: { id: 'user-1' } })).toBe(expected);
  });
});
