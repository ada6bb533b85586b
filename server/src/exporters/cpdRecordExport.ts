import type { CpdRecord } from '../queries/cpdRecord.ts';
import { escapeHtml, htmlPage } from './documentToHtml.ts';
import { escapeMarkdown } from './documentToMarkdown.ts';

const TITLE = 'My CPD record: action learning set';
const INTRO =
  'Peer reflection in an action learning set: the meetings I took part in, my time presenting, and the actions I ' +
  'owned with what I did and learned. It is private to me and names nobody else.';

const day = (date: Date) => date.toISOString().slice(0, 10);

/** A member's CPD record as Markdown. */
export function cpdRecordToMarkdown(record: CpdRecord): string {
  const lines = [`# ${TITLE}`, '', INTRO, '', '## Meetings', ''];
  if (!record.meetings.length) lines.push('No meetings yet.');
  for (const meeting of record.meetings)
    lines.push(
      `- ${day(meeting.date)}${meeting.presentingMinutes ? `: presented for ${meeting.presentingMinutes} minutes` : ''}`,
    );
  lines.push(
    '',
    `Time presenting in all: ${record.totalPresentingMinutes} minutes.`,
    '',
    '## My actions and reflections',
  );
  if (!record.actions.length) lines.push('', 'No actions yet.');
  for (const action of record.actions) {
    lines.push('', `### Action agreed ${day(action.agreedAt)}`, '', escapeMarkdown(action.text), '');
    lines.push(
      action.reflection
        ? `**What I did, and what I learned** (${day(action.reflectedAt ?? action.agreedAt)}): ${escapeMarkdown(action.reflection)}`
        : 'Not yet reflected on.',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A member's CPD record as a standalone HTML page, for PDF printing. */
export function cpdRecordToHtml(record: CpdRecord): string {
  const meetings = record.meetings.length
    ? `<ul>${record.meetings
        .map(
          (meeting) =>
            `<li>${day(meeting.date)}${meeting.presentingMinutes ? `: presented for ${meeting.presentingMinutes} minutes` : ''}</li>`,
        )
        .join('')}</ul>`
    : '<p>No meetings yet.</p>';
  const actions = record.actions.length
    ? record.actions
        .map(
          (action) =>
            `<h3>Action agreed ${day(action.agreedAt)}</h3><p>${escapeHtml(action.text)}</p>` +
            (action.reflection
              ? `<p><strong>What I did, and what I learned</strong> (${day(action.reflectedAt ?? action.agreedAt)}): ${escapeHtml(action.reflection)}</p>`
              : '<p>Not yet reflected on.</p>'),
        )
        .join('')
    : '<p>No actions yet.</p>';
  return htmlPage(
    TITLE,
    `<p>${INTRO}</p><h2>Meetings</h2>${meetings}` +
      `<p>Time presenting in all: ${record.totalPresentingMinutes} minutes.</p><h2>My actions and reflections</h2>${actions}`,
  );
}
