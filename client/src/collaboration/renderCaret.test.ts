import { describe, expect, it } from 'vitest';
import { caretLabel, readableTextOn } from './renderCaret.ts';

describe('readableTextOn', () => {
  it('picks the text colour with the higher contrast on a caret label background', () => {
    expect(readableTextOn('#1d4f5c')).toBe('#ffffff');
    expect(readableTextOn('#6b7280')).toBe('#ffffff');
    expect(readableTextOn('#ffdd00')).toBe('#000000');
    expect(readableTextOn('#a6e3a1')).toBe('#000000');
    expect(readableTextOn('not a colour')).toBe('#ffffff');
  });
});

describe('caretLabel', () => {
  it.each([
    [
      { name: 'Sam', organisation: { name: 'Leeds City Council', verified: true } },
      'Sam (Leeds City Council)',
    ],
    [
      { name: 'Sam', organisation: { name: 'Leeds City Council', verified: false } },
      'Sam (Leeds City Council, unverified)',
    ],
    [{ name: 'Sam', organisation: { name: 'Leeds City Council' } }, 'Sam (Leeds City Council, unverified)'],
    [{ name: 'Sam', organisation: null }, 'Sam'],
    [{ organisation: null }, 'Someone'],
  ])('%j reads %j', (user, expected) => {
    expect(caretLabel(user)).toBe(expected);
  });
});
