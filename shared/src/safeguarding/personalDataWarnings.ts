/** A reason a piece of text may contain personal data about a child, with the matching text. */
export interface PersonalDataWarning {
  kind: 'date-of-birth' | 'nhs-number' | 'postcode' | 'child-age' | 'dob-label' | 'looked-after-child';
  /** Plain-English explanation for the person writing. */
  message: string;
  /** The text that triggered the warning. */
  match: string;
}

const NAME = String.raw`[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?`;

interface Rule {
  kind: PersonalDataWarning['kind'];
  pattern: RegExp;
  message: string;
}

const RULES: Rule[] = [
  {
    kind: 'date-of-birth',
    pattern: /\b(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:19|20)?\d{2}\b/g,
    message: 'This looks like a date, such as a date of birth.',
  },
  {
    kind: 'nhs-number',
    pattern: /\b\d{3} ?\d{3} ?\d{4}\b/g,
    message: 'This looks like an NHS number.',
  },
  {
    kind: 'postcode',
    pattern: /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi,
    message: 'This looks like a postcode.',
  },
  {
    kind: 'child-age',
    pattern: new RegExp(
      String.raw`\b${NAME},? \(?(?:aged|age|is) \d{1,2}\b|\b(?:aged|age) \d{1,2},? ${NAME}\b`,
      'g',
    ),
    message: "This looks like a named child's age.",
  },
  {
    kind: 'dob-label',
    pattern: /\b(?:DOB|D\.O\.B\.?|date of birth)\b/gi,
    message: 'This mentions a date of birth.',
  },
  {
    kind: 'looked-after-child',
    pattern: new RegExp(
      String.raw`\b(?:looked[- ]after child|child in care|LAC|CLA)\b[^.\n]{0,40}?\b${NAME}\b|\b${NAME}\b[^.\n]{0,20}?\b(?:is|was) (?:a )?(?:looked[- ]after|in care)\b`,
      'g',
    ),
    message: 'This looks like it names a looked-after child.',
  },
];

/** Words that start with a capital only because they begin a sentence or are common; not taken for names. */
const NOT_NAMES = new Set([
  'The',
  'This',
  'That',
  'A',
  'An',
  'Our',
  'We',
  'They',
  'He',
  'She',
  'It',
  'I',
  'One',
  'Each',
  'Every',
]);

/**
 * Looks for text that may be personal data about a child (a date of birth, an NHS number, a postcode, a named
 * child's age, "DOB", a named looked-after child). Pure, so the composer and the document editor share it; it
 * warns rather than blocks, because people know their text better than a pattern does.
 */
export function personalDataWarnings(text: string): PersonalDataWarning[] {
  const warnings: PersonalDataWarning[] = [];
  const seen = new Set<string>();
  for (const rule of RULES) {
    for (const found of text.matchAll(rule.pattern)) {
      const match = found[0];
      if ((rule.kind === 'child-age' || rule.kind === 'looked-after-child') && onlyCommonWords(match))
        continue;
      if (rule.kind === 'nhs-number' && !/^\d{10}$|^\d{3} \d{3} \d{4}$/.test(match)) continue;
      const key = `${rule.kind}:${match}`;
      if (seen.has(key)) continue;
      seen.add(key);
      warnings.push({ kind: rule.kind, message: rule.message, match });
    }
  }
  return warnings;
}

function onlyCommonWords(match: string): boolean {
  const capitalised = match.match(/\b[A-Z][a-z]+\b/g) ?? [];
  return capitalised.every((word) => NOT_NAMES.has(word));
}
