import { describe, expect, it } from 'vitest';
import { looksLikeAdvice } from './looksLikeAdvice.ts';

const advice = [
  'You should speak to her manager first.',
  "Why don't you ring the LADO?",
  'If I were you I would escalate it.',
  'My advice is to wait a week.',
  "I'd suggest a joint visit.",
  'I recommend writing it down.',
  'Have you tried a strengths-based conversation?',
  'Just tell them how you feel.',
  "Don't take it on alone.",
  'Make sure you record it.',
  'What you need to do is go back to the team.',
];
const questions = [
  'What would success look like for you?',
  'Who else knows about this?',
  'What have you tried so far?',
  'How did you feel when the meeting ended?',
  'What is stopping you?',
  '',
];

describe('looksLikeAdvice', () => {
  it.each(advice)('prompts for advice: %s', (text) => expect(looksLikeAdvice(text)).toBe(true));
  it.each(questions)('lets an open question pass quietly: %s', (text) =>
    expect(looksLikeAdvice(text)).toBe(false),
  );
});
