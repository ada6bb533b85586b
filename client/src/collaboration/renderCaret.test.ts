import { describe, expect, it } from 'vitest';
import { readableTextOn } from './renderCaret.ts';

describe('readableTextOn', () => {
  it('picks the text colour with the higher contrast on a caret label background', () => {
    expect(readableTextOn('#1d4f5c')).toBe('#ffffff');
    expect(readableTextOn('#6b7280')).toBe('#ffffff');
    expect(readableTextOn('#ffdd00')).toBe('#000000');
    expect(readableTextOn('#a6e3a1')).toBe('#000000');
    expect(readableTextOn('not a colour')).toBe('#ffffff');
  });
});
