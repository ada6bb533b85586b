import { describe, expect, it } from 'vitest';
import { openDayIcs } from './openDayIcs.ts';

describe('openDayIcs', () => {
  const ics = openDayIcs(
    {
      uid: 'abc@common-ground',
      sequence: 2,
      title: 'Pause, open day; Birmingham',
      description: 'Line one\nLine two, with a comma',
      startsAt: new Date('2027-03-10T10:00:00Z'),
      endsAt: new Date('2027-03-10T15:00:00Z'),
      location: 'The hall',
      url: 'https://cg.example/open-days/pause',
      organiser: { name: 'Sam Lead', email: 'sam@example.org' },
    },
    new Date('2027-03-01T09:00:00Z'),
  );

  it('describes the event in UTC with escaped text and CRLF lines', () => {
    expect(ics).toContain('DTSTART:20270310T100000Z\r\n');
    expect(ics).toContain('DTEND:20270310T150000Z\r\n');
    expect(ics).toContain('SUMMARY:Pause\\, open day\\; Birmingham\r\n');
    expect(ics).toContain('DESCRIPTION:Line one\\nLine two\\, with a comma\r\n');
    expect(ics).toContain('SEQUENCE:2\r\n');
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });
});
