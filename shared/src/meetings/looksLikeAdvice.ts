/** The prompt shown when a typed question in a questions round reads like advice. It can still be posted. */
export const ADVICE_PROMPT = 'In this round, ask a question rather than give advice';

const ADVICE_PATTERNS: readonly RegExp[] = [
  /\byou (should|must|need to|ought to|could just|have to)\b/i,
  /\b(why don'?t|why not) you\b/i,
  /\bif i were you\b/i,
  /\bmy advice\b/i,
  /\bi(?: would|'d|’d) (suggest|recommend|advise)\b/i,
  /\bi (suggest|recommend|advise)\b/i,
  /(^|[.!?]\s+)have you (tried|thought about|considered)\b/i,
  /\b(try|just) (to )?(talk|speak|call|ring|email|tell|ask|go|get|make|stop)\b/i,
  /^\s*(make sure|don'?t|do not|try|just|tell|call|ask|speak|talk|stop)\b/i,
  /\bwhat you (need|should) (to )?do\b/i,
];

/**
 * Whether an entry in a questions round reads like advice rather than a question. A gentle heuristic for a prompt,
 * never a gate: a false alarm costs a second glance, so it leans towards open questions passing quietly.
 */
export function looksLikeAdvice(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed) return false;
  return ADVICE_PATTERNS.some((pattern) => pattern.test(trimmed));
}
