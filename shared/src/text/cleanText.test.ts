import { describe, expect, it } from 'vitest';
import { displayNameSchema, nameSchema, organisationNameSchema, textSchema } from '../schemas/common.ts';
import { claimsRole, cleanLine, cleanText } from './cleanText.ts';

describe('cleanLine', () => {
  it.each([
    ['NUL inside', 'Sam\u0000 Jones', 'Sam Jones'],
    ['right-to-left override', 'Sam \u202Erelipmoc', 'Sam relipmoc'],
    ['isolates', '\u2066Leeds\u2069 City Council', 'Leeds City Council'],
    ['zero-width joiners and spaces', 'Le\u200Beds\u200D', 'Leeds'],
    ['a byte-order mark', '\uFEFFTitle', 'Title'],
    ['tabs and newlines', 'Line\tone\nand two', 'Line one and two'],
    ['decomposed accents become composed', 'Jose\u0301', 'Jos\u00E9'],
    ['whitespace runs', '  a   b  ', 'a b'],
  ])('%s', (_name, input, output) => expect(cleanLine(input)).toBe(output));

  it('leaves nothing of invisible-only text', () => {
    expect(cleanLine('\u200B\u200C\u200D\u2060\uFEFF\u202E ')).toBe('');
  });
});

describe('cleanText', () => {
  it('keeps line breaks but drops NUL and overrides', () => {
    expect(cleanText('one\r\ntwo\u0000\u202E\nthree')).toBe('one\ntwo\nthree');
  });
});

describe('schemas refuse what is invisible or empty, and names that wear a role', () => {
  it.each(['', '   ', '\u200B\u200B', '\u202E', '\u0000'])('nameSchema refuses %j', (input) => {
    expect(nameSchema.safeParse(input).success).toBe(false);
  });
  it('nameSchema returns the cleaned name', () => {
    expect(nameSchema.parse(' Leeds\u200B City\u0000 Council ')).toBe('Leeds City Council');
  });
  it('textSchema cleans longer text', () => {
    expect(textSchema.parse('a\u0000b\u202Ec')).toBe('abc');
  });
  it.each([
    'Sam (facilitator)',
    'Sam [Host]',
    'Sam {admin}',
    'Sam ( Moderator )',
    'Sam <verified>',
    'Sam (Platform Administrator)',
    'Sam \uFF08facilitator\uFF09',
    'Sam - Facilitator',
    'Sam | community facilitator',
    'Sam, admin',
    'Leeds City Council (unverified)',
  ])('displayNameSchema refuses %j', (input) => {
    expect(claimsRole(input)).toBe(true);
    expect(displayNameSchema.safeParse(input).success).toBe(false);
  });
  it.each(['Sam Facilitator-Jones', 'Host Smith', 'Sam (she/her)', 'Sam Smith-Jones', 'Admin Team Lead Sam'])(
    'displayNameSchema accepts %j',
    (input) => {
      expect(displayNameSchema.safeParse(input).success).toBe(true);
    },
  );
});

describe('organisation names', () => {
  it('refuse a standing the product alone shows', () => {
    expect(organisationNameSchema.safeParse('Leeds City Council (verified)').success).toBe(false);
    expect(organisationNameSchema.parse(' Leeds City Council ')).toBe('Leeds City Council');
  });
});
