import { describe, expect, it } from 'vitest';
import { activeMention, insertMention, matchCandidates, splitMentions } from './mentionQuery.ts';

const people = [
  { id: '1', displayName: 'Sophie Clarke', organisationName: null },
  { id: '2', displayName: 'Imran Shah', organisationName: 'Calder Vale Council' },
  { id: '3', displayName: 'Sam Smith', organisationName: null },
];

describe('activeMention', () => {
  it.each([
    ['Hello @so', 9, { start: 6, query: 'so' }],
    ['@', 1, { start: 0, query: '' }],
    ['Thanks (@Imran Sh', 17, { start: 8, query: 'Imran Sh' }],
    ['mail me at a@b.test', 19, null],
    ['no mention here', 15, null],
    ['@sam\nnext line', 14, null],
  ])('finds the mention typed in %j at %i', (text, caret, expected) => {
    expect(activeMention(text, caret)).toEqual(expected);
  });
});

describe('matchCandidates', () => {
  it('puts names that start with the query before names with a later word that does', () => {
    expect(matchCandidates(people, 's').map((person) => person.displayName)).toEqual([
      'Sam Smith',
      'Sophie Clarke',
      'Imran Shah',
    ]);
    expect(matchCandidates(people, 'SHA').map((person) => person.id)).toEqual(['2']);
    expect(matchCandidates(people, 'zz')).toEqual([]);
  });
});

describe('insertMention', () => {
  it('replaces the typed query with the whole name and a space, keeping what follows', () => {
    const text = 'Ask @so about it';
    const mention = activeMention(text, 7)!;
    expect(insertMention(text, mention, 7, 'Sophie Clarke')).toEqual({
      text: 'Ask @Sophie Clarke about it',
      caret: 19,
    });
  });
});

describe('splitMentions', () => {
  it('marks whole known names after @ and leaves everything else as text', () => {
    expect(
      splitMentions('Hi @Sophie Clarke and @sam smith, not a@Sam Smith or @Samuel', [
        'Sophie Clarke',
        'Sam Smith',
      ]),
    ).toEqual([
      { mention: false, text: 'Hi ' },
      { mention: true, text: '@Sophie Clarke' },
      { mention: false, text: ' and ' },
      { mention: true, text: '@sam smith' },
      { mention: false, text: ', not a@Sam Smith or @Samuel' },
    ]);
  });
});
