import { describe, expect, it } from 'vitest';
import { personalDataWarnings } from './personalDataWarnings.ts';

const kinds = (text: string) => personalDataWarnings(text).map((warning) => warning.kind);

describe('personalDataWarnings', () => {
  it('spots dates that may be dates of birth', () => {
    expect(kinds('Born 03/07/2016 in the area')).toContain('date-of-birth');
    expect(kinds('born 3-7-16')).toContain('date-of-birth');
  });

  it('spots NHS numbers written together or spaced 3-3-4', () => {
    expect(kinds('NHS 943 476 5919')).toContain('nhs-number');
    expect(kinds('number 9434765919')).toContain('nhs-number');
    expect(kinds('call 94 347 65919')).not.toContain('nhs-number');
  });

  it('spots UK postcodes', () => {
    expect(kinds('lives near SW1A 1AA')).toContain('postcode');
    expect(kinds('lives near m1 1ae')).toContain('postcode');
  });

  it('spots a capitalised name next to an age', () => {
    expect(kinds('Jamie aged 7 was moved')).toContain('child-age');
    expect(kinds('aged 12, Amira Khan')).toContain('child-age');
    expect(kinds('The aged 7 cohort')).not.toContain('child-age');
  });

  it('spots DOB labels and named looked-after children', () => {
    expect(kinds('DOB on file')).toContain('dob-label');
    expect(kinds('looked after child Sam Jones')).toContain('looked-after-child');
    expect(kinds('Sam is looked after')).toContain('looked-after-child');
  });

  it('stays quiet on ordinary practice talk', () => {
    expect(
      personalDataWarnings(
        'We started with **family group conferences** in 2019 and saw 40% fewer children coming into care. The team met on Tuesdays.',
      ),
    ).toEqual([]);
  });

  it('returns the matching text so the composer can show it', () => {
    expect(personalDataWarnings('NHS 943 476 5919')[0]).toMatchObject({
      kind: 'nhs-number',
      match: '943 476 5919',
    });
  });
});
