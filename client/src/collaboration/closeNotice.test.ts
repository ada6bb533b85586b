import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '@common-ground/shared';
import { closeNotice } from './closeNotice.ts';

describe('closeNotice', () => {
  it.each([
    [CLOSE_CODES.connectionShare, /too many of your tabs/],
    [CLOSE_CODES.tooDeep, /inside each other too many times/],
    [CLOSE_CODES.malformed, /could not be read/],
    [CLOSE_CODES.tooLarge, /too much information/],
    [CLOSE_CODES.documentFull, /document is full/],
    [CLOSE_CODES.roomFull, /Too many people/],
  ])('explains close code %i in plain language', (code, words) => {
    expect(closeNotice(code)).toMatch(words);
  });

  it('says nothing for a normal close or a restart', () => {
    expect(closeNotice(CLOSE_CODES.normal)).toBeNull();
    expect(closeNotice(CLOSE_CODES.goingAway)).toBeNull();
  });
});
