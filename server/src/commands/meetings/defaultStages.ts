import type { MeetingStage } from '@common-ground/shared';

/** The process board a new meeting starts from; the person running it edits it before and during the meeting. */
export const DEFAULT_STAGES: readonly MeetingStage[] = [
  { id: 'check-in', kind: 'check-in', title: 'Check-in', minutes: 10 },
  { id: 'reflection', kind: 'reflection', title: 'Reflection on actions from the last meeting', minutes: 20 },
  { id: 'bids', kind: 'bids', title: 'Bids for time', minutes: 5 },
  { id: 'review', kind: 'review', title: 'Review: how the set worked and what we learned', minutes: 10 },
  { id: 'close', kind: 'close', title: 'Close', minutes: 5 },
];

/** One presenter's slot: presenting, then questions, then their reflection and actions, from their bid's minutes. */
export function presenterStages(
  order: number,
  presenter: { userId: string; displayName: string; minutes: number },
): MeetingStage[] {
  const { userId, displayName, minutes } = presenter;
  const presenting = Math.max(1, Math.round(minutes / 4));
  const actions = Math.max(1, Math.round(minutes / 4));
  const questions = Math.max(1, minutes - presenting - actions);
  return [
    {
      id: `present-${order}`,
      kind: 'presenting',
      title: `${displayName} presents`,
      minutes: presenting,
      presenterId: userId,
    },
    {
      id: `questions-${order}`,
      kind: 'questions',
      title: `Questions for ${displayName}`,
      minutes: questions,
      presenterId: userId,
    },
    {
      id: `actions-${order}`,
      kind: 'presenter-reflection',
      title: `${displayName}: reflection and actions`,
      minutes: actions,
      presenterId: userId,
    },
  ];
}
