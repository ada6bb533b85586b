import { describe, expect, it } from 'vitest';
import { emailDomainOf, emailDomainSchema, isWebmailDomain } from './webmailDomains.ts';

describe('webmail domains', () => {
  it.each([
    ['sam@gmail.com', true],
    ['sam@yahoo.co.uk', true],
    ['sam@yahoo.fr', true],
    ['sam@proton.me', true],
    ['outlook.com', true],
    ['sam@leeds.gov.uk', false],
    ['sam@yahoo-partners.org', false],
  ])('%s is webmail: %s', (input, expected) => {
    expect(isWebmailDomain(input)).toBe(expected);
  });
  it('takes the domain after the last @', () => {
    expect(emailDomainOf('Sam@Leeds.GOV.uk')).toBe('leeds.gov.uk');
  });
});

describe('emailDomainSchema', () => {
  it.each([
    ['leeds.gov.uk', 'leeds.gov.uk'],
    [' @Kent.gov.uk ', 'kent.gov.uk'],
    ['nhs.net', 'nhs.net'],
  ])('accepts %j as %j', (input, expected) => {
    expect(emailDomainSchema.parse(input)).toBe(expected);
  });
  it.each([
    'gmail.com',
    'yahoo.com',
    'localhost',
    'leeds',
    'a..b.uk',
    '-x.org',
    'x y.org',
    'sam@leeds.gov.uk',
  ])('refuses %j', (input) => {
    expect(emailDomainSchema.safeParse(input).success).toBe(false);
  });
});
