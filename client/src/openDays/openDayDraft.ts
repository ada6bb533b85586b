import type { HostedOpenDay, InnovationContext } from '@common-ground/shared';

/** The schedule form's fields as the form holds them: every field a string until sent. */
export interface OpenDayDraft {
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  capacity: string;
  venue: string;
  accessInformation: string;
  onlineJoinUrl: string;
  preReadDocumentIds: string[];
  innovationId: string;
  leadName: string;
  leadEmail: string;
  leadPhone: string;
  whatItTook: InnovationContext;
}

/** The ids of the form's controls, by field name (the server's field names map onto them). */
export const OPEN_DAY_FIELD_IDS: Record<string, string> = {
  title: 'open-day-title',
  description: 'open-day-description',
  startsAt: 'open-day-starts',
  endsAt: 'open-day-ends',
  capacity: 'open-day-capacity',
  venue: 'open-day-venue',
  accessInformation: 'open-day-access',
  onlineJoinUrl: 'open-day-online',
  'safeguardingLead.name': 'open-day-lead-name',
  'safeguardingLead.email': 'open-day-lead-email',
  'safeguardingLead.phone': 'open-day-lead-phone',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The value of a datetime-local input for a moment, in the browser's own time zone. */
export function localInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A blank open day: a week from now, 10:00 to 13:00, for 30 people. */
export function blankOpenDay(): OpenDayDraft {
  const day = new Date(Date.now() + 7 * 24 * 3600_000);
  day.setHours(10, 0, 0, 0);
  const end = new Date(day);
  end.setHours(13);
  return {
    title: '',
    description: '',
    startsAt: localInputValue(day),
    endsAt: localInputValue(end),
    capacity: '30',
    venue: '',
    accessInformation: '',
    onlineJoinUrl: '',
    preReadDocumentIds: [],
    innovationId: '',
    leadName: '',
    leadEmail: '',
    leadPhone: '',
    whatItTook: {
      size: '',
      commissioning: '',
      staffing: '',
      cost: '',
      nonNegotiable: '',
      doDifferently: '',
    },
  };
}

/** What the form can tell before sending: missing fields, times in the wrong order, a capacity that is not a number. */
export function openDayDraftProblems(draft: OpenDayDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.title.trim()) problems.title = 'Enter a title';
  if (!draft.description.trim()) problems.description = 'Describe what visitors will see';
  const starts = Date.parse(draft.startsAt);
  const ends = Date.parse(draft.endsAt);
  if (Number.isNaN(starts)) problems.startsAt = 'Enter when it starts';
  if (Number.isNaN(ends)) problems.endsAt = 'Enter when it ends';
  else if (!Number.isNaN(starts) && ends <= starts) problems.endsAt = 'It must end after it starts';
  const capacity = Number(draft.capacity);
  if (!Number.isInteger(capacity) || capacity < 1)
    problems.capacity = 'Enter how many places, a whole number';
  if (!draft.leadName.trim()) problems['safeguardingLead.name'] = "Enter the safeguarding lead's name";
  if (!draft.leadEmail.trim()) problems['safeguardingLead.email'] = "Enter the safeguarding lead's email";
  return problems;
}

/** Optional text: left out when blank. */
export const optional = (value: string): string | undefined => (value.trim() ? value.trim() : undefined);

/** The draft as the API takes it (the create body; the same fields change an open day). */
export function openDayBodyOf(draft: OpenDayDraft) {
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    startsAt: new Date(draft.startsAt).toISOString(),
    endsAt: new Date(draft.endsAt).toISOString(),
    capacity: Number(draft.capacity),
    venue: optional(draft.venue),
    accessInformation: optional(draft.accessInformation),
    onlineJoinUrl: optional(draft.onlineJoinUrl),
    preReadDocumentIds: draft.preReadDocumentIds,
    innovationId: draft.innovationId || undefined,
    safeguardingLead: {
      name: draft.leadName.trim(),
      email: draft.leadEmail.trim(),
      phone: optional(draft.leadPhone),
    },
    whatItTook: draft.whatItTook,
  };
}

/** A hosted open day as the form holds it, for changing it. */
export function draftOf(openDay: HostedOpenDay): OpenDayDraft {
  return {
    title: openDay.title,
    description: openDay.description,
    startsAt: localInputValue(new Date(openDay.times.startsAt)),
    endsAt: localInputValue(new Date(openDay.times.endsAt)),
    capacity: String(openDay.capacity),
    venue: openDay.venue ?? '',
    accessInformation: openDay.accessInformation ?? '',
    onlineJoinUrl: openDay.onlineJoinUrl ?? '',
    preReadDocumentIds: openDay.preReadDocuments.map((document) => document.id),
    innovationId: openDay.innovationId ?? '',
    leadName: openDay.safeguardingLead.name,
    leadEmail: openDay.safeguardingLead.email,
    leadPhone: openDay.safeguardingLead.phone ?? '',
    whatItTook: { ...openDay.whatItTook },
  };
}
