import { personalDataWarnings } from '../safeguarding/personalDataWarnings.ts';

/** Why a reflection may not be safe to share, in words for its author. */
export interface ReflectionWarning {
  kind: 'identifies-organisation' | 'identifies-child' | 'case-under-review';
  message: string;
  /** The words that raised it, when there are some. */
  match: string | null;
}

/** Said on every reflection form: partners' content may not stay private in law. */
export const FREEDOM_OF_INFORMATION_NOTE =
  'Content written by or for a council may be disclosed under the Freedom of Information Act 2000.';

/** Said wherever an author chooses how anonymous to be. */
export const FACILITATORS_SEE_AUTHORS_NOTE =
  'Whatever you choose, the community’s facilitators can still see who wrote this.';

const CASE_UNDER_REVIEW =
  /\b(?:child safeguarding practice reviews?|CSPRs?|rapid reviews?|serious case reviews?|SCRs?|court|courts|care proceedings|proceedings|judge|tribunal|complaints?|complained|ombudsman|LGSCO)\b/i;

/** What the author has written and where it would be seen. */
export interface ReflectionDraft {
  /** Every answer, joined. */
  text: string;
  /** How many recipient organisations the partnership has. */
  recipientCount: number;
  /** Whether the author's name or organisation would be hidden. */
  hidesOrganisation: boolean;
  /** The names of the partnership's organisations, which the text may mention. */
  organisationNames: string[];
}

/**
 * The warnings to show before a reflection is shared: it could identify the organisation (its name is in the text, or
 * a partnership with one recipient leaves only one place it could come from), it could identify a child (the
 * personal-data warning), or it may concern a case under a Child Safeguarding Practice Review, in court, or subject
 * to a complaint. Used by the form as the author writes and by the server before it shares.
 */
export function reflectionWarnings(draft: ReflectionDraft): ReflectionWarning[] {
  const warnings: ReflectionWarning[] = [];
  const lower = draft.text.toLowerCase();
  const named = draft.organisationNames.find((name) => name && lower.includes(name.toLowerCase()));
  if (named) {
    warnings.push({
      kind: 'identifies-organisation',
      message: `This names ${named}, so readers will know which organisation it is about.`,
      match: named,
    });
  } else if (draft.hidesOrganisation && draft.recipientCount === 1) {
    warnings.push({
      kind: 'identifies-organisation',
      message:
        'This partnership has only one recipient, so anyone who knows it can tell which organisation wrote this.',
      match: null,
    });
  }
  const child = personalDataWarnings(draft.text)[0];
  if (child)
    warnings.push({
      kind: 'identifies-child',
      message: `This could identify a child. ${child.message}`,
      match: child.match,
    });
  const review = CASE_UNDER_REVIEW.exec(draft.text);
  if (review)
    warnings.push({
      kind: 'case-under-review',
      message:
        'This may concern a case under a Child Safeguarding Practice Review, in court, or subject to a complaint. Check before sharing.',
      match: review[0],
    });
  return warnings;
}
