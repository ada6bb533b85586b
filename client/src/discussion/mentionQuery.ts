/** Someone who may be mentioned in a room's discussion. */
export interface MentionCandidate {
  id: string;
  displayName: string;
  organisationName: string | null;
}

/** The `@text` being typed just before the caret, if any: where its `@` is and what follows it. */
export interface ActiveMention {
  start: number;
  query: string;
}

// An @ at the start or after a space or punctuation (not inside an email address), then up to 40 characters of a
// name (names hold spaces, so a space does not end the query; a new line or another @ does).
const ACTIVE = /(?:^|[^\p{L}\p{N}_@])@([^@\n]{0,40})$/u;

/** Finds the mention being typed at the caret, so the composer can offer names. */
export function activeMention(text: string, caret: number): ActiveMention | null {
  const before = text.slice(0, caret);
  const match = ACTIVE.exec(before);
  if (!match) return null;
  const query = match[1] ?? '';
  return { start: caret - query.length - 1, query };
}

/** The candidates whose name (or any word of it) starts with the query, best matches first, at most `limit`. */
export function matchCandidates(
  candidates: MentionCandidate[],
  query: string,
  limit = 8,
): MentionCandidate[] {
  const wanted = query.trimStart().toLocaleLowerCase('en-GB');
  const scored: { candidate: MentionCandidate; score: number }[] = [];
  for (const candidate of candidates) {
    const name = candidate.displayName.toLocaleLowerCase('en-GB');
    if (name.startsWith(wanted)) scored.push({ candidate, score: 0 });
    else if (name.split(/\s+/).some((word) => word.startsWith(wanted))) scored.push({ candidate, score: 1 });
  }
  return scored
    .sort(
      (a, b) => a.score - b.score || a.candidate.displayName.localeCompare(b.candidate.displayName, 'en-GB'),
    )
    .slice(0, limit)
    .map((entry) => entry.candidate);
}

/** Replaces the `@query` at the caret with `@Full Name ` and says where the caret goes next. */
export function insertMention(
  text: string,
  mention: ActiveMention,
  caret: number,
  displayName: string,
): { text: string; caret: number } {
  const inserted = `@${displayName} `;
  const after = text.slice(caret).replace(/^ /, '');
  return {
    text: `${text.slice(0, mention.start)}${inserted}${after}`,
    caret: mention.start + inserted.length,
  };
}

/** A piece of message text: plain, or a mention of one of the known names. */
export type MentionPiece = { mention: false; text: string } | { mention: true; text: string };

/**
 * Splits text into plain pieces and `@Name` mentions of the given names (longest name first, whole names only), so
 * rendered messages can highlight who was mentioned.
 */
export function splitMentions(text: string, names: readonly string[]): MentionPiece[] {
  if (!names.length || !text.includes('@')) return [{ mention: false, text }];
  const escaped = [...names]
    .filter((name) => name.trim())
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!escaped.length) return [{ mention: false, text }];
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}_@])(@(?:${escaped.join('|')}))(?![\\p{L}\\p{N}_])`, 'giu');
  const pieces: MentionPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index + (match[1]?.length ?? 0);
    if (start > last) pieces.push({ mention: false, text: text.slice(last, start) });
    pieces.push({ mention: true, text: match[2] ?? '' });
    last = start + (match[2]?.length ?? 0);
  }
  if (last < text.length) pieces.push({ mention: false, text: text.slice(last) });
  return pieces;
}
